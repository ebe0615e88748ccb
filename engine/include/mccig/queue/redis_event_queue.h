#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/redis/redis_sync_connection.h"

#include <string>

namespace mccig {

// EventQueue on the Redis stream mccig:events, group "workers", retries in the
// sorted set mccig:retry and dead letters in mccig:dlq + mccig:dlq:order
// (docs/redis-keys.md). Every move between them is one Lua script, so a
// message is never in two places or none; the scripts also count
// persisted / retried / deadLettered in mccig:stats:{second} by Redis TIME.
// A vanished group (NOGROUP) is recreated instead of failing. Consumers are
// removed by one Lua script (removeIdleConsumers). Before Redis 7.2 "idle"
// counts from the last read that delivered something, so a live worker of an
// empty queue qualifies too; that is harmless: holding nothing, it loses
// nothing, and Redis recreates it with its next delivery.
// Owns its connection; one thread at a time.
class RedisEventQueue final : public EventQueue {
public:
    RedisEventQueue(RedisEndpoint endpoint, std::chrono::milliseconds timeout, std::string consumerName);

    // Creates the stream and group when missing (start-up, and after NOGROUP).
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

    const std::string& consumerName() const { return m_consumerName; }

private:
    Result<void> commandWithGroup(const std::vector<std::string>& args, ReplyBuilder& builder);

    RedisSyncConnection m_connection;
    std::chrono::milliseconds m_timeout;
    std::string m_consumerName;
};

} // namespace mccig
