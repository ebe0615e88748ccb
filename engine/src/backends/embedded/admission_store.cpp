#include "admission_store.h"

#include "queue_rows.h"

#include "mccig/core/time_format.h"

#include <limits>

namespace mccig::embedded {
namespace {

// When the key trace in `row` (event id, expires_ms, created_at) stops holding
// its key: a stored event holds it for a window from its createdAt.
std::int64_t traceExpiresMs(const SqliteStatement& row, std::int64_t windowMs)
{
    constexpr auto kExpired = std::numeric_limits<std::int64_t>::min();
    if (!row.isNull(1))
        return row.integer(1);
    if (row.isNull(2))
        return kExpired; // queued without an admission: no window
    const auto createdAt = parseRfc3339(row.text(2));
    if (!createdAt)
        return kExpired;
    return std::chrono::duration_cast<std::chrono::milliseconds>(createdAt->time_since_epoch()).count() + windowMs;
}

} // namespace

Result<AdmissionStore> AdmissionStore::prepare(SqliteConnection& connection)
{
    AdmissionStore store;
    const std::pair<SqliteStatement*, const char*> all[] = {
        {&store.m_readBucket, "SELECT tokens, updated_us FROM buckets WHERE tenant_id = ?1"},
        {&store.m_saveBucket,
         "INSERT INTO buckets (tenant_id, tokens, updated_us, capacity, refill_per_second) VALUES (?1, ?2, ?3, ?4, ?5) "
         "ON CONFLICT (tenant_id) DO UPDATE SET tokens = excluded.tokens, updated_us = excluded.updated_us, "
         "capacity = excluded.capacity, refill_per_second = excluded.refill_per_second"},
        // Every place a message holds its key: the idempotency table (what the
        // others cannot show), the queue, the dead letters, the stored events.
        {&store.m_findKey,
         "SELECT event_id, expires_ms, NULL FROM idempotency "
         "WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3 "
         "UNION ALL SELECT event_id, expires_ms, NULL FROM queue "
         "WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3 "
         "UNION ALL SELECT id, expires_ms, NULL FROM dead_letters "
         "WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3 "
         "UNION ALL SELECT id, NULL, created_at FROM conversation_events "
         "WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3"},
        {&store.m_keepKey,
         "INSERT INTO idempotency (tenant_id, channel, provider_message_id, event_id, expires_ms) "
         "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tenant_id, channel, provider_message_id) DO UPDATE "
         "SET event_id = excluded.event_id, expires_ms = excluded.expires_ms"},
        {&store.m_enqueue, kInsertQueued.c_str()},
        {&store.m_touchProbe,
         "INSERT INTO probe (id, at_ms) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms"},
        {&store.m_bumpSecond,
         "INSERT INTO stats (second, tenant_id, metric, total) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (second, tenant_id, metric) DO UPDATE SET total = total + excluded.total"},
        {&store.m_bumpTotal,
         "INSERT INTO tenant_totals (tenant_id, metric, total) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (tenant_id, metric) DO UPDATE SET total = total + excluded.total"},
    };
    for (const auto& [target, sql] : all) {
        auto prepared = connection.prepare(sql);
        if (!prepared)
            return std::unexpected(prepared.error());
        *target = std::move(*prepared);
    }
    return store;
}

Result<AdmissionStore::Bucket> AdmissionStore::bucket(const std::string& tenantId)
{
    if (const auto it = m_buckets.find(tenantId); it != m_buckets.end())
        return it->second;
    auto row = m_readBucket.bind(1, tenantId).step();
    if (!row)
        return std::unexpected(row.error());
    Bucket bucket;
    if (*row) {
        bucket = Bucket{m_readBucket.real(0), m_readBucket.integer(1), true};
        m_readBucket.reset();
    }
    m_buckets.emplace(tenantId, bucket);
    return bucket;
}

void AdmissionStore::setBucket(const std::string& tenantId, double tokens, std::int64_t nowUs,
                               const RateLimitPolicy& policy)
{
    m_buckets[tenantId] = Bucket{tokens, nowUs, true};
    m_changedBuckets[tenantId] = BucketPolicy{policy.capacity, policy.refillPerSecond};
}

Result<std::optional<std::string>> AdmissionStore::claimIdempotencyKey(const std::string& tenantId,
                                                                       std::string_view channel,
                                                                       const std::string& providerMessageId,
                                                                       const std::string& eventId,
                                                                       std::int64_t nowMs, std::int64_t expiresMs)
{
    const std::int64_t windowMs = expiresMs - nowMs;
    bool traced = false;
    std::optional<std::string> firstId;
    auto read = m_findKey.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId)
                    .forEachRow([&](const SqliteStatement& row) {
                        traced = true;
                        if (!firstId && traceExpiresMs(row, windowMs) > nowMs)
                            firstId = std::string(row.text(0));
                    });
    if (!read)
        return std::unexpected(read.error());
    if (firstId || !traced)
        return firstId;
    // Older traces of the key are past their window, and a stored event stays
    // for good: this admission's window is kept apart, so that none of them
    // answers for the key once its message joins them.
    auto kept = m_keepKey.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId).bind(4, eventId)
                    .bind(5, expiresMs).run();
    if (!kept)
        return std::unexpected(kept.error());
    return std::nullopt;
}

Result<void> AdmissionStore::enqueue(const ConversationEvent& event, std::int64_t expiresMs)
{
    return bindQueued(m_enqueue, event, expiresMs).run();
}

Result<void> AdmissionStore::touchProbe(std::int64_t nowMs) { return m_touchProbe.bind(1, nowMs).run(); }

void AdmissionStore::count(const std::string& tenantId, const char* metric) { ++m_counts[{tenantId, metric}]; }

Result<void> AdmissionStore::flush(std::int64_t second)
{
    for (const auto& [tenant, policy] : m_changedBuckets) {
        const auto& bucket = m_buckets[tenant];
        if (auto saved = m_saveBucket.bind(1, tenant).bind(2, bucket.tokens).bind(3, bucket.updatedUs)
                             .bind(4, policy.capacity).bind(5, policy.refillPerSecond).run();
            !saved)
            return saved;
    }
    std::map<std::string, std::int64_t> global;
    for (const auto& [key, n] : m_counts) {
        const auto& [tenant, metric] = key;
        global[metric] += n;
        if (auto bumped = m_bumpSecond.bind(1, second).bind(2, tenant).bind(3, metric).bind(4, n).run(); !bumped)
            return bumped;
        if (auto bumped = m_bumpTotal.bind(1, tenant).bind(2, metric).bind(3, n).run(); !bumped)
            return bumped;
    }
    for (const auto& [metric, n] : global)
        if (auto bumped = m_bumpSecond.bind(1, second).bind(2, std::string_view("")).bind(3, metric).bind(4, n).run();
            !bumped)
            return bumped;
    m_changedBuckets.clear();
    m_counts.clear();
    return {};
}

void AdmissionStore::discard()
{
    for (const auto& [tenant, policy] : m_changedBuckets)
        m_buckets.erase(tenant);
    m_changedBuckets.clear();
    m_counts.clear();
}

} // namespace mccig::embedded
