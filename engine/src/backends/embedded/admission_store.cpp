#include "admission_store.h"

namespace mccig::embedded {

Result<AdmissionStore> AdmissionStore::prepare(SqliteConnection& connection)
{
    AdmissionStore store;
    const std::pair<SqliteStatement*, const char*> all[] = {
        {&store.m_readBucket, "SELECT tokens, updated_us FROM buckets WHERE tenant_id = ?1"},
        {&store.m_saveBucket,
         "INSERT INTO buckets (tenant_id, tokens, updated_us, capacity, refill_per_second) VALUES (?1, ?2, ?3, ?4, ?5) "
         "ON CONFLICT (tenant_id) DO UPDATE SET tokens = excluded.tokens, updated_us = excluded.updated_us, "
         "capacity = excluded.capacity, refill_per_second = excluded.refill_per_second"},
        // ?6 is now: a record that expired by then is taken over.
        {&store.m_claimKey,
         "INSERT INTO idempotency (tenant_id, channel, provider_message_id, event_id, expires_ms) "
         "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tenant_id, channel, provider_message_id) DO UPDATE "
         "SET event_id = excluded.event_id, expires_ms = excluded.expires_ms WHERE expires_ms <= ?6"},
        {&store.m_readKey,
         "SELECT event_id FROM idempotency WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3"},
        {&store.m_enqueue, "INSERT INTO queue (event) VALUES (?1)"},
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
    auto claimed = m_claimKey.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId).bind(4, eventId)
                       .bind(5, expiresMs).bind(6, nowMs).run();
    if (!claimed)
        return std::unexpected(claimed.error());
    if (m_claimKey.changes() == 1)
        return std::nullopt;
    auto row = m_readKey.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId).step();
    if (!row)
        return std::unexpected(row.error());
    std::string firstId(*row ? m_readKey.text(0) : std::string_view{});
    m_readKey.reset();
    return firstId;
}

Result<void> AdmissionStore::enqueue(const std::string& eventText) { return m_enqueue.bind(1, eventText).run(); }

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
