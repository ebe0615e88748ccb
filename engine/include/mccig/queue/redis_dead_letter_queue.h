#pragma once

#include "mccig/ports/dead_letter_queue.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

// DeadLetterQueue on mccig:dlq (entries by event id) and mccig:dlq:order
// (ids by failure time). Replay and removal are Lua scripts that act only on
// the entry the caller read, so two admins replaying at once queue it once.
// On a blocking connection of its own; one thread at a time.
class RedisDeadLetterQueue final : public DeadLetterQueue {
public:
    RedisDeadLetterQueue(RedisEndpoint endpoint, std::chrono::milliseconds timeout);

    Result<DeadLetterPage> list(const DeadLetterPageRequest& request) override;
    Result<bool> replay(const std::string& id) override;
    Result<long long> replayAll(const std::optional<std::string>& tenantId) override;
    Result<bool> remove(const std::string& id) override;

private:
    // Where in mccig:dlq:order (newest first) the page after `before` starts.
    Result<long long> pageStart(const std::optional<std::string>& before);
    Result<bool> replayEntry(const std::string& id, const std::string& entryText);

    RedisSyncConnection m_connection;
};

} // namespace mccig
