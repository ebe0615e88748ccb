#include "mccig/queue/redis_dead_letter_queue.h"

#include "mccig/core/json_string.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"
#include "ports/page_cursor.h"
#include "mccig/redis/redis_keys.h"
#include "queue_scripts.h"

#include <algorithm>

namespace mccig {
namespace {

const std::string kDlq(kDeadLetterKey);
const std::string kOrder(kDeadLetterOrderKey);
const std::string kStream(kEventStreamKey);

template <typename T>
T fieldOr(const nlohmann::json& object, const char* name, T fallback, bool (nlohmann::json::*isType)() const noexcept)
{
    const auto it = object.find(name);
    return it != object.end() && ((*it).*isType)() ? it->get<T>() : fallback;
}

// Total: whatever is stored, a dead letter comes out. An entry that is not
// the object stream_entries.cpp writes is reported as such, its text kept as
// the event, rather than thrown on or hidden from the admin.
DeadLetter parseDeadLetter(const std::string& id, const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    DeadLetter letter;
    letter.id = id;
    if (!json.is_object()) {
        letter.event = text;
        letter.lastError = "malformed dead-letter entry: not a JSON object";
        return letter;
    }
    letter.id = fieldOr<std::string>(json, "id", id, &nlohmann::json::is_string);
    if (const auto event = json.find("event"); event != json.end())
        letter.event = *event;
    letter.attempts = fieldOr<int>(json, "attempts", 0, &nlohmann::json::is_number_integer);
    letter.lastError = fieldOr<std::string>(json, "lastError", "", &nlohmann::json::is_string);
    letter.failedAt = fieldOr<std::string>(json, "failedAt", "", &nlohmann::json::is_string);
    letter.failures = fieldOr<nlohmann::json>(json, "failures", nlohmann::json::array(), &nlohmann::json::is_array);
    return letter;
}

bool belongsTo(const DeadLetter& letter, const std::string& tenantId)
{
    const auto& event = letter.event;
    const auto tenant = event.is_object() ? event.find("tenantId") : event.end();
    return event.is_object() && tenant != event.end() && tenant->is_string() && *tenant == tenantId;
}

} // namespace

RedisDeadLetterQueue::RedisDeadLetterQueue(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_connection(std::move(endpoint), timeout)
{
}

Result<long long> RedisDeadLetterQueue::pageStart(const std::optional<std::string>& before)
{
    if (!before)
        return 0;
    const auto cursor = decodePageCursor(*before);
    if (!cursor)
        return failure(ErrorKind::Rejected, "not a cursor of this dead-letter queue");
    // Just after the cursor's entry. When that entry has gone (replayed,
    // removed): after every entry ranked before it, those that failed later
    // and those of the same millisecond with a greater id (ZREVRANGE's order).
    const std::string position = std::to_string(cursor->position);
    auto replies = m_connection.pipeline({{"ZREVRANK", kOrder, cursor->id},
                                          {"ZCOUNT", kOrder, "(" + position, "+inf"},
                                          {"ZRANGEBYSCORE", kOrder, position, position}});
    if (!replies)
        return std::unexpected(replies.error());
    const auto& rank = (*replies)[0];
    if (rank.isInteger())
        return rank.integer + 1;
    const auto& sameMillisecond = (*replies)[2].elements;
    const auto after = std::count_if(sameMillisecond.begin(), sameMillisecond.end(),
                                     [&](const RedisReply& member) { return member.text > cursor->id; });
    return (*replies)[1].integer + after;
}

Result<DeadLetterPage> RedisDeadLetterQueue::list(const DeadLetterPageRequest& request)
{
    auto start = pageStart(request.before);
    if (!start)
        return std::unexpected(start.error());
    // One more than asked: whether it exists says whether there is a next page.
    auto ranked = m_connection.command({"ZREVRANGE", kOrder, std::to_string(*start),
                                        std::to_string(*start + request.limit), "WITHSCORES"});
    if (!ranked)
        return std::unexpected(ranked.error());
    std::vector<std::pair<std::string, long long>> ids; // id, failure time (ms)
    for (std::size_t i = 0; i + 1 < ranked->elements.size(); i += 2)
        ids.emplace_back(ranked->elements[i].text, std::stoll(ranked->elements[i + 1].text));
    const bool more = ids.size() > static_cast<std::size_t>(request.limit);
    if (more)
        ids.pop_back();
    std::vector<std::string> fetch{"HMGET", kDlq};
    for (const auto& [id, failedMs] : ids)
        fetch.push_back(id);
    auto replies = m_connection.pipeline({{"HLEN", kDlq}, fetch});
    if (!replies)
        return std::unexpected(replies.error());
    DeadLetterPage page;
    page.total = (*replies)[0].integer;
    if (ids.empty())
        return page;
    const auto& entries = (*replies)[1].elements;
    for (std::size_t index = 0; index < entries.size() && index < ids.size(); ++index) {
        const auto& entry = entries[index];
        if (!entry.isString())
            continue; // removed between the two reads
        page.items.push_back(parseDeadLetter(ids[index].first, entry.text));
    }
    if (more)
        page.next = encodePageCursor(PageCursor{ids.back().second, ids.back().first});
    return page;
}

Result<bool> RedisDeadLetterQueue::replayEntry(const std::string& id, const std::string& entryText)
{
    const auto letter = parseDeadLetter(id, entryText);
    // An event stored as text goes back as that text; the worker reports it if it is not an event.
    const std::string eventText = letter.event.is_string() ? letter.event.get<std::string>()
                                                           : jsonText(letter.event);
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
            if (tenantId && !belongsTo(parseDeadLetter(fields[i].text, fields[i + 1].text), *tenantId))
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
