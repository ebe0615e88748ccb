#pragma once

#include "sqlite_connection.h"

#include "mccig/domain/conversation_event.h"
#include "mccig/domain/rate_limit_policy.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace mccig::embedded {

// What one admission transaction reads and writes, for the admission writer
// alone (it is the only writer of these tables, one process per data dir):
// prepared statements, the tenants' buckets kept in memory between groups,
// and the counters a group gathers. Buckets and counters are written once
// per group at flush(), not once per request; discard() forgets what a
// rolled-back group changed, so the next group reads the buckets again.
class AdmissionStore {
public:
    static Result<AdmissionStore> prepare(SqliteConnection& connection);

    struct Bucket {
        double tokens = 0;
        std::int64_t updatedUs = 0;
        bool known = false; // false: the tenant has no stored bucket (a full one)
    };
    Result<Bucket> bucket(const std::string& tenantId);
    void setBucket(const std::string& tenantId, double tokens, std::int64_t nowUs, const RateLimitPolicy& policy);

    // Takes the idempotency key for `eventId` unless a live admission holds
    // it: then returns the first event's id. A live admission is found where
    // its message is (queued, dead-lettered or stored; a stored event holds
    // its key from its createdAt for this request's window), or in the
    // idempotency table, which keeps only what those cannot show: a window
    // that outlives its message, or one taken over from expired traces.
    // Must be followed by enqueue() in the same transaction: the queued row
    // is what holds the key.
    Result<std::optional<std::string>> claimIdempotencyKey(const std::string& tenantId, std::string_view channel,
                                                           const std::string& providerMessageId,
                                                           const std::string& eventId, std::int64_t nowMs,
                                                           std::int64_t expiresMs);
    Result<void> enqueue(const ConversationEvent& event, std::int64_t expiresMs);
    // Rewrites the probe row (the health probe's write).
    Result<void> touchProbe(std::int64_t nowMs);

    // Adds one to a metric, globally and for the tenant, in this group's second.
    void count(const std::string& tenantId, const char* metric);

    // Writes the group's buckets and counters (for `second`).
    Result<void> flush(std::int64_t second);
    // Forgets the group's changes after a rollback.
    void discard();

private:
    struct BucketPolicy {
        double capacity = 0;
        double refillPerSecond = 0;
    };

    SqliteStatement m_readBucket;
    SqliteStatement m_saveBucket;
    SqliteStatement m_findKey;
    SqliteStatement m_keepKey;
    SqliteStatement m_enqueue;
    SqliteStatement m_touchProbe;
    SqliteStatement m_bumpSecond;
    SqliteStatement m_bumpTotal;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::map<std::string, BucketPolicy> m_changedBuckets;                  // this group's, with their policy
    std::map<std::pair<std::string, std::string>, std::int64_t> m_counts; // (tenant, metric) -> n
};

} // namespace mccig::embedded
