#include "redis_postgres_health_probe.h"

#include "mccig/redis/redis_keys.h"

namespace mccig {

RedisPostgresHealthProbe::RedisPostgresHealthProbe(RedisEndpoint redis, std::string databaseUrl,
                                                   std::chrono::milliseconds timeout)
    : m_redis(std::move(redis), timeout)
    , m_database(std::move(databaseUrl), timeout)
{
}

std::vector<ComponentHealth> RedisPostgresHealthProbe::check()
{
    // Redis holds the queue: ingest admits into it and the worker reads from it.
    return {{"redis", true, true, checkRedis()}, {"database", false, true, checkDatabase()}};
}

Result<void> RedisPostgresHealthProbe::checkRedis()
{
    // A write, not PING: "OOM command not allowed" and "READONLY" refuse it.
    auto reply = m_redis.command({"SET", std::string(kProbeKey), "1", "PX", "60000"});
    if (!reply)
        return std::unexpected(reply.error());
    return {};
}

Result<void> RedisPostgresHealthProbe::checkDatabase()
{
    auto result = m_database.exec("SELECT 1");
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace mccig
