#pragma once

#include "queue_signal.h"
#include "sqlite_connection.h"

#include "mccig/core/clock.h"
#include "mccig/ports/event_queue.h"

#include <optional>
#include <string>

namespace mccig::embedded {

// EventQueue on the embedded database's `queue` table. A waiting message has
// no owner; read() and claimAbandoned() give it one (this consumer) and stamp
// the time; a retry is the same row without an owner and a later `due_ms`,
// so retries need no separate release step. Every settle names its owner:
// once another consumer has claimed a message, the first one's settle changes
// nothing and returns false (settle-once). One thread per instance.
class EmbeddedEventQueue final : public EventQueue {
public:
    EmbeddedEventQueue(SqliteConnection connection, std::string consumerName, const Clock& clock,
                       QueueSignal* signal = nullptr);

    // Puts every taken message back in line. Only for the one process that
    // holds the data dir, as it opens it: whoever took them has died.
    static Result<void> releaseAllTaken(SqliteConnection& connection);

    Result<void> ensureReady() override;
    Result<std::vector<std::string>> enqueue(const std::vector<ConversationEvent>& events) override;
    Result<std::vector<QueuedMessage>> read(std::size_t maxCount, std::chrono::milliseconds block) override;
    Result<std::vector<QueuedMessage>> claimAbandoned(std::chrono::milliseconds minIdle,
                                                      std::size_t maxCount) override;
    Result<std::size_t> acknowledge(const std::vector<std::string>& entryIds) override;
    Result<bool> scheduleRetry(const QueuedMessage& message, std::chrono::milliseconds delay) override;
    Result<bool> deadLetter(const QueuedMessage& message, const std::string& lastError) override;
    Result<RetryRelease> releaseDueRetries(std::size_t maxCount) override;
    Result<std::size_t> removeIdleConsumers(std::chrono::milliseconds minIdle) override;

private:
    Result<std::vector<QueuedMessage>> take(const char* sql, std::size_t maxCount,
                                            std::optional<std::chrono::milliseconds> minIdle = {});
    std::int64_t nowMs() const;

    SqliteConnection m_connection;
    std::string m_consumerName;
    const Clock& m_clock;
    QueueSignal* m_signal;
};

} // namespace mccig::embedded
