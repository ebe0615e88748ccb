#pragma once

#include "sqlite_connection.h"

#include "mccig/core/clock.h"
#include "mccig/ports/live_stats.h"

namespace mccig::embedded {

// The live figures of the embedded backend, as the admin API and /metrics
// show them: tenants with their buckets and totals, per-second counters, and
// the queue's depth. Reads only; any thread with its own instance.
class EmbeddedLiveStats final : public LiveStats {
public:
    EmbeddedLiveStats(SqliteConnection connection, const Clock& clock);

    Result<std::vector<TenantOverview>> tenants(const std::vector<std::string>& configuredTenants,
                                                const PolicyLookup& policyFor) override;
    Result<std::vector<StatsPoint>> series(int windowSeconds) override;
    Result<QueueDepth> depth() override;

private:
    SqliteConnection m_connection;
    const Clock& m_clock;
};

} // namespace mccig::embedded
