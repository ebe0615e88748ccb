#pragma once

#include "mccig/ports/live_stats.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

// LiveStats from the figures ingest and the worker keep in Redis
// (docs/redis-keys.md), on a blocking connection of its own; "now" is Redis
// TIME, so every process reads the same second.
class RedisLiveStats final : public LiveStats {
public:
    RedisLiveStats(RedisEndpoint endpoint, std::chrono::milliseconds timeout);

    Result<std::vector<TenantOverview>> tenants(const std::vector<std::string>& configuredTenants,
                                                const PolicyLookup& policyFor) override;
    Result<std::vector<StatsPoint>> series(int windowSeconds) override;
    Result<QueueDepth> depth() override;

private:
    Result<long long> redisNowMicros();

    RedisSyncConnection m_connection;
};

} // namespace mccig
