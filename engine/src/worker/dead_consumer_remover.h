#pragma once

#include "mccig/core/result.h"
#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_sync_connection.h"

#include <chrono>
#include <string>
#include <vector>

namespace mccig {

// Removes consumers of the worker group that have been idle longer than a
// threshold and hold no pending message: workers that died or were scaled
// away after settling everything, which the group would otherwise list
// forever. The check and XGROUP DELCONSUMER run as one Lua script, because
// DELCONSUMER drops whatever the consumer holds: a consumer that read a
// message between a separate check and the delete would lose it.
// Before Redis 7.2 "idle" counts from the last read that delivered
// something, so a live worker of an empty queue qualifies too; that is
// harmless: holding nothing, it loses nothing, and Redis recreates it with
// its next delivery (even one to a read already blocked).
// Owns its connection; one thread at a time.
class DeadConsumerRemover {
public:
    DeadConsumerRemover(RedisEndpoint endpoint, std::chrono::milliseconds timeout);

    // The names of the consumers removed; none when the group does not exist.
    Result<std::vector<std::string>> removeIdle(std::chrono::milliseconds minIdle);

private:
    RedisSyncConnection m_connection;
};

} // namespace mccig
