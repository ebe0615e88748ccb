#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/rate_limit_policy.h"

#include <functional>
#include <string>
#include <vector>

namespace mccig {

class RedisSyncConnection;

// One tenant's bucket and running totals (API.md §5 "tenants").
struct TenantOverview {
    std::string tenantId;
    RateLimitPolicy rateLimit;
    double tokens = 0;        // now, by the refill formula of docs/redis-keys.md
    long long accepted = 0;
    long long duplicates = 0;
    long long rateLimited = 0;
};

// One second of counters (API.md §5 "stats").
struct StatsPoint {
    long long t = 0; // epoch seconds
    long long accepted = 0;
    long long duplicate = 0;
    long long rateLimited = 0;
    long long invalid = 0;
    long long persisted = 0;
    long long retried = 0;
    long long deadLettered = 0;
};

inline constexpr int kMaxStatsWindowSeconds = 3600;

// Reads the live figures ingest and the worker keep in Redis. Uses the
// caller's connection (blocking: not on an I/O thread); "now" is Redis TIME.
class LiveStatsReader {
public:
    using PolicyLookup = std::function<RateLimitPolicy(const std::string& tenantId)>;

    explicit LiveStatsReader(RedisSyncConnection& connection);

    // The configured tenants plus every tenant seen (mccig:tenants), sorted by id.
    Result<std::vector<TenantOverview>> tenants(const std::vector<std::string>& configuredTenants,
                                                const PolicyLookup& policyFor);

    // The last `windowSeconds` seconds (1..kMaxStatsWindowSeconds), oldest first,
    // one point per second including the current one; missing seconds are zeros.
    Result<std::vector<StatsPoint>> series(int windowSeconds);

private:
    Result<long long> redisNowMicros();

    RedisSyncConnection& m_connection;
};

} // namespace mccig
