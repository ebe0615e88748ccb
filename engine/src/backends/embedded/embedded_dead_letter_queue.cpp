#include "embedded_dead_letter_queue.h"

#include "queue_rows.h"

#include "ports/page_cursor.h"

namespace mccig::embedded {
namespace {

DeadLetter deadLetterFrom(const SqliteStatement& row)
{
    DeadLetter letter;
    letter.id = std::string(row.text(0));
    letter.event = nlohmann::json::parse(row.text(1), nullptr, false);
    if (letter.event.is_discarded())
        letter.event = std::string(row.text(1)); // keep what arrived, even if it is not JSON
    letter.attempts = static_cast<int>(row.integer(2));
    letter.lastError = std::string(row.text(3));
    letter.failedAt = std::string(row.text(4));
    auto failures = nlohmann::json::parse(row.text(5), nullptr, false);
    letter.failures = failures.is_array() ? std::move(failures) : nlohmann::json::array();
    return letter;
}

} // namespace

EmbeddedDeadLetterQueue::EmbeddedDeadLetterQueue(SqliteConnection connection, QueueSignal* signal)
    : m_connection(std::move(connection))
    , m_signal(signal)
{
}

Result<DeadLetterPage> EmbeddedDeadLetterQueue::list(const DeadLetterPageRequest& request)
{
    std::optional<PageCursor> cursor;
    if (request.before) {
        cursor = decodePageCursor(*request.before);
        if (!cursor)
            return failure(ErrorKind::Rejected, "not a cursor of this dead-letter queue");
    }
    // One more than asked: whether it exists says whether there is a next page.
    auto query = m_connection.prepare("SELECT id, event, attempts, last_error, failed_at, failures, failed_ms "
                                      "FROM dead_letters WHERE ?1 IS NULL OR (failed_ms, id) < (?2, ?3) "
                                      "ORDER BY failed_ms DESC, id DESC LIMIT ?4");
    auto total = m_connection.prepare("SELECT count(*) FROM dead_letters");
    if (!query || !total)
        return std::unexpected(!query ? query.error() : total.error());
    if (cursor)
        query->bind(1, std::int64_t{1}).bind(2, static_cast<std::int64_t>(cursor->position)).bind(3, cursor->id);
    else
        query->bindNull(1).bindNull(2).bindNull(3);
    query->bind(4, static_cast<std::int64_t>(request.limit) + 1);
    DeadLetterPage page;
    PageCursor last;
    bool more = false;
    auto read = query->forEachRow([&](const SqliteStatement& row) {
        if (page.items.size() == static_cast<std::size_t>(request.limit)) {
            more = true;
            return;
        }
        page.items.push_back(deadLetterFrom(row));
        last = PageCursor{row.integer(6), page.items.back().id};
    });
    if (!read)
        return std::unexpected(read.error());
    if (more)
        page.next = encodePageCursor(last);
    auto counted = total->step();
    if (!counted)
        return std::unexpected(counted.error());
    page.total = total->integer(0);
    total->reset();
    return page;
}

Result<long long> EmbeddedDeadLetterQueue::moveToQueue(const std::string& where, const std::optional<std::string>& value)
{
    // The idempotency key and its window go back with the message.
    auto copy = m_connection.prepare(
        std::string("INSERT INTO queue (") + kQueuedColumns
        + ") SELECT event, tenant_id, channel, provider_message_id, id, expires_ms FROM dead_letters " + where
        + " ORDER BY failed_ms");
    auto remove = m_connection.prepare("DELETE FROM dead_letters " + where);
    if (!copy || !remove)
        return std::unexpected(!copy ? copy.error() : remove.error());
    if (value) {
        copy->bind(1, *value);
        remove->bind(1, *value);
    }
    auto moved = m_connection.transaction<long long>([&]() -> Result<long long> {
        if (auto copied = copy->run(); !copied)
            return std::unexpected(copied.error());
        const long long count = m_connection.changes();
        if (auto removed = remove->run(); !removed)
            return std::unexpected(removed.error());
        return count;
    });
    if (moved && *moved > 0 && m_signal)
        m_signal->notify();
    return moved;
}

Result<bool> EmbeddedDeadLetterQueue::replay(const std::string& id)
{
    auto moved = moveToQueue("WHERE id = ?1", id);
    if (!moved)
        return std::unexpected(moved.error());
    return *moved > 0;
}

Result<long long> EmbeddedDeadLetterQueue::replayAll(const std::optional<std::string>& tenantId)
{
    return tenantId ? moveToQueue("WHERE tenant_id = ?1", tenantId) : moveToQueue("", std::nullopt);
}

Result<bool> EmbeddedDeadLetterQueue::remove(const std::string& id)
{
    // A deleted message's key stays taken until its window ends, as if it were
    // still here: the idempotency table keeps the window the row held.
    auto keepKey = m_connection.prepare(
        "INSERT INTO idempotency (tenant_id, channel, provider_message_id, event_id, expires_ms) "
        "SELECT tenant_id, channel, provider_message_id, id, expires_ms FROM dead_letters "
        "WHERE id = ?1 AND channel IS NOT NULL AND expires_ms IS NOT NULL "
        "ON CONFLICT (tenant_id, channel, provider_message_id) DO UPDATE "
        "SET event_id = excluded.event_id, expires_ms = excluded.expires_ms WHERE excluded.expires_ms > expires_ms");
    auto remove = m_connection.prepare("DELETE FROM dead_letters WHERE id = ?1");
    if (!keepKey || !remove)
        return std::unexpected(!keepKey ? keepKey.error() : remove.error());
    return m_connection.transaction<bool>([&]() -> Result<bool> {
        if (auto kept = keepKey->bind(1, id).run(); !kept)
            return std::unexpected(kept.error());
        if (auto removed = remove->bind(1, id).run(); !removed)
            return std::unexpected(removed.error());
        return m_connection.changes() > 0;
    });
}

} // namespace mccig::embedded
