#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/conversation_event.h"
#include "mccig/domain/rate_limit_policy.h"

#include <chrono>
#include <functional>
#include <string>

namespace mccig {

// What a tenant's bucket looked like right after a request: the source of the
// RateLimit-* response headers.
struct BucketSnapshot {
    double capacity = 0;
    long remaining = 0;               // whole tokens left
    std::chrono::seconds resetIn{0};  // until the bucket is full again
};

enum class AdmissionVerdict {
    Accepted,
    Duplicate,
    RateLimited,
};

struct AdmissionDecision {
    AdmissionVerdict verdict = AdmissionVerdict::Accepted;
    std::string eventId;                     // the new event's id, or the first one's for a duplicate
    BucketSnapshot bucket;
    std::chrono::milliseconds retryAfter{0}; // set when RateLimited
};

struct AdmissionRequest {
    ConversationEvent event;                 // fully normalized, with a fresh id
    RateLimitPolicy rateLimit;
    std::chrono::seconds idempotencyTtl{86400};
};

// Port: the one atomic step of ingestion (API.md §3 "Guarantees"). For one
// request it takes a token from the tenant's bucket, checks the idempotency
// key (tenant, channel, providerMessageId) and durably enqueues the event,
// all or nothing: a throttled or failed request leaves no idempotency record.
// Its outcome is counted in the live counters, which may show it a moment
// later (the Redis backend flushes them every 200 ms: docs/redis-keys.md). Implementations never block the caller: the
// callback runs later on the implementation's executor (for the Redis gate,
// the io_context it was created on). Each instance is used by one thread.
class AdmissionGate {
public:
    using DecisionCallback = std::function<void(Result<AdmissionDecision>)>;
    using SnapshotCallback = std::function<void(Result<BucketSnapshot>)>;

    virtual ~AdmissionGate() = default;

    virtual void admit(const AdmissionRequest& request, DecisionCallback done) = 0;

    // Counts a request of a known tenant that was refused before admission
    // (invalid, forbidden, too large...) and reads the bucket without taking a token.
    virtual void recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit,
                                SnapshotCallback done) = 0;
};

} // namespace mccig
