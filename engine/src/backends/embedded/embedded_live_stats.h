#pragma once

#include "sqlite_connection.h"

#include "mccig/core/clock.h"
#include "mccig/queue/live_stats_reader.h"
#include "mccig/queue/queue_depth.h"

#include <functional>
#include <string>
#include <vector>

namespace mccig::embedded {

// The live figures of the embedded backend, as the admin API and /metrics
// show them: tenants with their buckets and totals, per-second counters, and
// the queue's depth. Reads only; any thread with its own instance.
class EmbeddedLiveStats {
public:
    using PolicyLookup = std::function<RateLimitPolicy(const std::string& tenantId)>;

    EmbeddedLiveStats(SqliteConnection connection, const Clock& clock);

    // The configured tenants plus every tenant seen, sorted by id.
    Result<std::vector<TenantOverview>> tenants(const std::vector<std::string>& configuredTenants,
                                                const PolicyLookup& policyFor);
    // The last `windowSeconds` seconds, oldest first, zeros where nothing happened.
    Result<std::vector<StatsPoint>> series(int windowSeconds);
    // Waiting and in-flight messages, scheduled retries, dead letters.
    Result<QueueDepth> depth();

private:
    SqliteConnection m_connection;
    const Clock& m_clock;
};

} // namespace mccig::embedded
