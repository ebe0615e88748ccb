#pragma once

#include "mccig/ports/health_probe.h"
#include "mccig/postgres/pg_connection.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

// Probes Redis with a write (so a Redis that answers PING but refuses writes,
// at maxmemory or as a read-only replica, is down) and PostgreSQL with
// SELECT 1, each on one kept connection that reconnects after a failure.
class RedisPostgresHealthProbe final : public HealthProbe {
public:
    RedisPostgresHealthProbe(RedisEndpoint redis, std::string databaseUrl, std::chrono::milliseconds timeout);

    std::vector<ComponentHealth> check() override;

private:
    Result<void> checkRedis();
    Result<void> checkDatabase();

    RedisSyncConnection m_redis;
    PgConnection m_database;
};

} // namespace mccig
