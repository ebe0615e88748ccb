#pragma once

#include "sqlite_connection.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace mccig::embedded {

// The prepared statements of one admission transaction, and the counters it
// gathers: they are written once per group, not once per request.
class AdmissionStatements {
public:
    static Result<AdmissionStatements> prepare(SqliteConnection& connection);

    struct Bucket {
        double tokens = 0;
        std::int64_t updatedUs = 0;
    };
    Result<std::optional<Bucket>> readBucket(const std::string& tenantId);
    Result<void> saveBucket(const std::string& tenantId, double tokens, std::int64_t nowUs, double capacity,
                            double refillPerSecond);
    // The first event's id while its record is within its TTL.
    Result<std::optional<std::string>> liveIdempotencyRecord(const std::string& tenantId, std::string_view channel,
                                                             const std::string& providerMessageId,
                                                             std::int64_t nowMs);
    Result<void> writeIdempotencyRecord(const std::string& tenantId, std::string_view channel,
                                        const std::string& providerMessageId, const std::string& eventId,
                                        std::int64_t expiresMs);
    Result<void> enqueue(const std::string& eventText);

    // Adds one to a metric, globally and for the tenant, in this second.
    void count(const std::string& tenantId, const char* metric);
    // Writes the gathered counters for `second` and forgets them.
    Result<void> flushCounts(std::int64_t second);
    void discardCounts();

private:
    SqliteStatement m_readBucket;
    SqliteStatement m_saveBucket;
    SqliteStatement m_readIdempotency;
    SqliteStatement m_writeIdempotency;
    SqliteStatement m_enqueue;
    SqliteStatement m_bumpSecond;
    SqliteStatement m_bumpTotal;
    std::map<std::pair<std::string, std::string>, std::int64_t> m_counts; // (tenant, metric) -> n
};

} // namespace mccig::embedded
