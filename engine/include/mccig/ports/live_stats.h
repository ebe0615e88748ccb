#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/rate_limit_policy.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace mccig {

// One tenant's bucket and running totals (API.md §5 "tenants").
struct TenantOverview {
    std::string tenantId;
    RateLimitPolicy rateLimit;
    double tokens = 0; // now, by the bucket's refill formula
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

// How much work is waiting.
struct QueueDepth {
    long long streamed = 0;    // new and in-flight messages
    long long retrying = 0;    // scheduled for a retry
    long long deadLetters = 0; // in the dead-letter queue
    // How long the oldest unsettled message has waited; 0 when none waits.
    // Retries waiting for their time are not counted.
    std::chrono::milliseconds oldestAge{0};

    long long queued() const { return streamed + retrying; } // mccig_queue_depth
};

// Port: the live figures ingest and the worker keep, as the admin API and
// /metrics show them. Reads only; each call is bounded by the backend
// timeout and blocks, so never on an I/O thread. One thread per instance.
class LiveStats {
public:
    using PolicyLookup = std::function<RateLimitPolicy(const std::string& tenantId)>;

    virtual ~LiveStats() = default;

    // The configured tenants plus every tenant seen, sorted by id.
    virtual Result<std::vector<TenantOverview>> tenants(const std::vector<std::string>& configuredTenants,
                                                        const PolicyLookup& policyFor) = 0;

    // The last `windowSeconds` seconds (1..kMaxStatsWindowSeconds), oldest
    // first, one point per second including the current one; zeros where
    // nothing happened.
    virtual Result<std::vector<StatsPoint>> series(int windowSeconds) = 0;

    virtual Result<QueueDepth> depth() = 0;
};

} // namespace mccig
