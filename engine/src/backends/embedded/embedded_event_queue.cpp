#include "embedded_event_queue.h"

#include "queue_rows.h"
#include "queue_settling.h"

#include "mccig/core/time_format.h"

#include <algorithm>
#include <optional>
#include <thread>

namespace mccig::embedded {
namespace {

// ?1 owner, ?2 now (ms), ?3 at most this many.
constexpr const char* kTakeWaiting =
    "UPDATE queue SET owner = ?1, taken_ms = ?2 WHERE seq IN "
    "(SELECT seq FROM queue WHERE owner IS NULL AND due_ms <= ?2 ORDER BY seq LIMIT ?3) "
    "RETURNING seq, event, attempts, failures";
// ?1 owner, ?2 now (ms), ?3 at most this many, ?4 the idle time (ms).
constexpr const char* kTakeAbandoned =
    "UPDATE queue SET owner = ?1, taken_ms = ?2 WHERE seq IN "
    "(SELECT seq FROM queue WHERE owner IS NOT NULL AND taken_ms <= ?2 - ?4 ORDER BY seq LIMIT ?3) "
    "RETURNING seq, event, attempts, failures";

// At most this many messages a take. The worker stores and acknowledges what
// it took in one transaction, and an admission waits for the write in
// progress (WriteTurns): this bounds that wait when the queue is long.
constexpr std::size_t kMaxTake = 500;

// How long one empty read sleeps between looks when no signal is shared
// (another process cannot signal).
constexpr auto kPollInterval = std::chrono::milliseconds(20);

QueuedMessage messageFrom(const SqliteStatement& row)
{
    QueuedMessage message;
    message.entryId = std::to_string(row.integer(0));
    message.eventText = std::string(row.text(1));
    message.attempts = static_cast<int>(row.integer(2));
    message.failuresText = std::string(row.text(3));
    return message;
}

} // namespace

Result<void> EmbeddedEventQueue::releaseAllTaken(SqliteConnection& connection)
{
    return connection.exec("UPDATE queue SET owner = NULL, taken_ms = NULL WHERE owner IS NOT NULL");
}

EmbeddedEventQueue::EmbeddedEventQueue(SqliteConnection connection, std::string consumerName, const Clock& clock,
                                       QueueSignal* signal)
    : m_connection(std::move(connection))
    , m_consumerName(std::move(consumerName))
    , m_clock(clock)
    , m_signal(signal)
{
}

std::int64_t EmbeddedEventQueue::nowMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
}

Result<void> EmbeddedEventQueue::ensureReady()
{
    return m_connection.inTurn([&]() -> Result<void> {
        auto probe = m_connection.prepare("SELECT seq FROM queue LIMIT 0");
        if (!probe)
            return std::unexpected(probe.error());
        return {};
    });
}

Result<std::vector<std::string>> EmbeddedEventQueue::enqueue(const std::vector<ConversationEvent>& events)
{
    auto ids = m_connection.transaction<std::vector<std::string>>([&]() -> Result<std::vector<std::string>> {
        auto insert = m_connection.prepare(kInsertQueued + " RETURNING seq");
        if (!insert)
            return std::unexpected(insert.error());
        std::vector<std::string> ids;
        for (const auto& event : events) {
            auto row = bindQueued(*insert, event, std::nullopt).step();
            if (!row)
                return std::unexpected(row.error());
            ids.push_back(std::to_string(insert->integer(0)));
            insert->reset();
        }
        return ids;
    });
    if (ids && m_signal)
        m_signal->notify();
    return ids;
}

Result<std::vector<QueuedMessage>> EmbeddedEventQueue::take(const char* sql, std::size_t maxCount,
                                                            std::optional<std::chrono::milliseconds> minIdle)
{
    std::vector<QueuedMessage> messages;
    if (auto read = m_connection.transaction<void>([&]() -> Result<void> {
            auto statement = m_connection.prepare(sql);
            if (!statement)
                return std::unexpected(statement.error());
            statement->bind(1, m_consumerName)
                .bind(2, nowMs())
                .bind(3, static_cast<std::int64_t>(std::min(maxCount, kMaxTake)));
            if (minIdle)
                statement->bind(4, static_cast<std::int64_t>(minIdle->count()));
            return statement->forEachRow([&](const SqliteStatement& row) { messages.push_back(messageFrom(row)); });
        });
        !read)
        return std::unexpected(read.error());
    // RETURNING gives no order; the queue's order is its sequence.
    std::sort(messages.begin(), messages.end(), [](const QueuedMessage& a, const QueuedMessage& b) {
        return std::stoll(a.entryId) < std::stoll(b.entryId);
    });
    return messages;
}

Result<std::vector<QueuedMessage>> EmbeddedEventQueue::read(std::size_t maxCount, std::chrono::milliseconds block)
{
    const auto deadline = std::chrono::steady_clock::now() + block;
    for (;;) {
        const auto seen = m_signal ? m_signal->generation() : 0;
        auto taken = take(kTakeWaiting, maxCount);
        if (!taken || !taken->empty())
            return taken;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline
                                                                               - std::chrono::steady_clock::now());
        if (left <= std::chrono::milliseconds::zero())
            return taken;
        if (m_signal)
            m_signal->waitPast(seen, std::min(left, kPollInterval * 5));
        else
            std::this_thread::sleep_for(std::min(left, kPollInterval));
    }
}

Result<std::vector<QueuedMessage>> EmbeddedEventQueue::claimAbandoned(std::chrono::milliseconds minIdle,
                                                                      std::size_t maxCount)
{
    return take(kTakeAbandoned, maxCount, minIdle);
}

Result<std::size_t> EmbeddedEventQueue::acknowledge(const std::vector<std::string>& entryIds)
{
    if (entryIds.empty())
        return 0;
    return m_connection.transaction<std::size_t>(
        [&] { return acknowledgeEntries(m_connection, m_consumerName, entryIds, nowMs()); });
}

Result<bool> EmbeddedEventQueue::scheduleRetry(const QueuedMessage& message, std::chrono::milliseconds delay)
{
    return m_connection.transaction<bool>([&]() -> Result<bool> {
        auto update = m_connection.prepare("UPDATE queue SET attempts = ?1, failures = ?2, due_ms = ?3, owner = NULL, "
                                           "taken_ms = NULL WHERE seq = ?4 AND owner = ?5");
        if (!update)
            return std::unexpected(update.error());
        auto done = update->bind(1, static_cast<std::int64_t>(message.attempts))
                        .bind(2, message.failuresText)
                        .bind(3, nowMs() + delay.count())
                        .bind(4, static_cast<std::int64_t>(std::stoll(message.entryId)))
                        .bind(5, m_consumerName)
                        .run();
        if (!done)
            return std::unexpected(done.error());
        if (m_connection.changes() != 1)
            return false;
        if (auto counted = countSettled(m_connection, "retried", 1, nowMs()); !counted)
            return std::unexpected(counted.error());
        return true;
    });
}

Result<bool> EmbeddedEventQueue::deadLetter(const QueuedMessage& message, const std::string& lastError)
{
    // An unreadable entry has no event id: its queue id names it instead.
    const auto event = message.event();
    const std::string id = event ? event->id : message.entryId;
    // One reading for the time shown and the time the queue is ordered by.
    const auto now = m_clock.now();
    return m_connection.transaction<bool>([&]() -> Result<bool> {
        // The idempotency key and its window go along with the message.
        auto keep = m_connection.prepare(
            "INSERT OR REPLACE INTO dead_letters (id, tenant_id, event, attempts, last_error, failed_at, failed_ms, "
            "failures, channel, provider_message_id, expires_ms) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, channel, "
            "provider_message_id, expires_ms FROM queue WHERE seq = ?9 AND owner = ?10");
        auto remove = m_connection.prepare("DELETE FROM queue WHERE seq = ?1 AND owner = ?2");
        if (!remove || !keep)
            return std::unexpected(!remove ? remove.error() : keep.error());
        const auto seq = static_cast<std::int64_t>(std::stoll(message.entryId));
        keep->bind(1, id).bind(3, message.eventText).bind(4, static_cast<std::int64_t>(message.attempts));
        if (event)
            keep->bind(2, event->tenantId);
        else
            keep->bindNull(2);
        auto kept = keep->bind(5, lastError)
                        .bind(6, formatUtc(now))
                        .bind(7, static_cast<std::int64_t>(
                                     std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()))
                        .bind(8, message.failuresText)
                        .bind(9, seq)
                        .bind(10, m_consumerName)
                        .run();
        if (!kept)
            return std::unexpected(kept.error());
        if (m_connection.changes() != 1)
            return false;
        if (auto removed = remove->bind(1, seq).bind(2, m_consumerName).run(); !removed)
            return std::unexpected(removed.error());
        if (auto counted = countSettled(m_connection, "deadLettered", 1, nowMs()); !counted)
            return std::unexpected(counted.error());
        return true;
    });
}

Result<std::size_t> EmbeddedEventQueue::removeIdleConsumers(std::chrono::milliseconds)
{
    // Consumers are only names on the rows they hold: one that holds nothing has left no trace.
    return 0;
}

Result<RetryRelease> EmbeddedEventQueue::releaseDueRetries(std::size_t)
{
    // A retry becomes readable by itself once due; only say when the next one is.
    return m_connection.inTurn([&]() -> Result<RetryRelease> {
        auto next = m_connection.prepare("SELECT min(due_ms) FROM queue WHERE owner IS NULL AND due_ms > ?1");
        if (!next)
            return std::unexpected(next.error());
        const auto now = nowMs();
        auto row = next->bind(1, now).step();
        if (!row)
            return std::unexpected(row.error());
        RetryRelease release;
        if (*row && !next->isNull(0))
            release.nextDueIn = std::chrono::milliseconds(next->integer(0) - now);
        next->reset();
        return release;
    });
}

} // namespace mccig::embedded
