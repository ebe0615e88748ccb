#include "mccig/queue/redis_dead_letter_queue.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"
#include "queue_keys.h"
#include "queue_scripts.h"

namespace mccig {
namespace {

const std::string kDlq(kDeadLetterKey);
const std::string kOrder(kDeadLetterOrderKey);
const std::string kStream(kEventStreamKey);

std::optional<DeadLetter> parseDeadLetter(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    DeadLetter letter;
    letter.id = json.value("id", "");
    letter.event = json.value("event", nlohmann::json::object());
    letter.attempts = json.value("attempts", 0);
    letter.lastError = json.value("lastError", "");
    letter.failedAt = json.value("failedAt", "");
    letter.failures = json.value("failures", nlohmann::json::array());
    return letter;
}

} // namespace

RedisDeadLetterQueue::RedisDeadLetterQueue(RedisSyncConnection& connection) : m_connection(connection) {}

Result<DeadLetterPage> RedisDeadLetterQueue::list(int limit)
{
    auto ids = m_connection.command({"ZREVRANGE", kOrder, "0", std::to_string(limit - 1)});
    if (!ids)
        return std::unexpected(ids.error());
    std::vector<std::string> fetch{"HMGET", kDlq};
    for (const auto& id : ids->elements)
        fetch.push_back(id.text);
    auto replies = m_connection.pipeline({{"HLEN", kDlq}, fetch});
    if (!replies)
        return std::unexpected(replies.error());
    DeadLetterPage page;
    page.total = (*replies)[0].integer;
    if (ids->elements.empty())
        return page;
    for (const auto& entry : (*replies)[1].elements) {
        if (!entry.isString())
            continue; // removed between the two reads
        if (auto letter = parseDeadLetter(entry.text))
            page.items.push_back(std::move(*letter));
    }
    return page;
}

Result<bool> RedisDeadLetterQueue::replayEntry(const std::string& id, const std::string& entryText)
{
    const auto letter = parseDeadLetter(entryText);
    const std::string eventText = letter ? letter->event.dump() : entryText;
    auto reply = replayScript().evaluate(m_connection, {kDlq, kOrder, kStream}, {id, entryText, eventText});
    if (!reply)
        return std::unexpected(reply.error());
    return reply->integer == 1;
}

Result<bool> RedisDeadLetterQueue::replay(const std::string& id)
{
    auto entry = m_connection.command({"HGET", kDlq, id});
    if (!entry)
        return std::unexpected(entry.error());
    if (!entry->isString())
        return false;
    return replayEntry(id, entry->text);
}

Result<long long> RedisDeadLetterQueue::replayAll(const std::optional<std::string>& tenantId)
{
    long long replayed = 0;
    std::string cursor = "0";
    do {
        auto page = m_connection.command({"HSCAN", kDlq, cursor, "COUNT", "500"});
        if (!page)
            return std::unexpected(page.error());
        if (!page->isArray() || page->elements.size() != 2)
            return failure(ErrorKind::Internal, "unexpected HSCAN reply");
        cursor = page->elements[0].text;
        const auto& fields = page->elements[1].elements;
        for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
            const auto letter = parseDeadLetter(fields[i + 1].text);
            if (tenantId && (!letter || letter->event.value("tenantId", "") != *tenantId))
                continue;
            auto done = replayEntry(fields[i].text, fields[i + 1].text);
            if (!done)
                return std::unexpected(done.error());
            replayed += *done ? 1 : 0;
        }
    } while (cursor != "0");
    return replayed;
}

Result<bool> RedisDeadLetterQueue::remove(const std::string& id)
{
    auto reply = removeDeadLetterScript().evaluate(m_connection, {kDlq, kOrder}, {id});
    if (!reply)
        return std::unexpected(reply.error());
    return reply->integer == 1;
}

} // namespace mccig
