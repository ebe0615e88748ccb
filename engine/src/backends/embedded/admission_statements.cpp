#include "admission_statements.h"

namespace mccig::embedded {

Result<AdmissionStatements> AdmissionStatements::prepare(SqliteConnection& connection)
{
    AdmissionStatements statements;
    const std::pair<SqliteStatement*, const char*> all[] = {
        {&statements.m_readBucket, "SELECT tokens, updated_us FROM buckets WHERE tenant_id = ?1"},
        {&statements.m_saveBucket,
         "INSERT INTO buckets (tenant_id, tokens, updated_us, capacity, refill_per_second) VALUES (?1, ?2, ?3, ?4, ?5) "
         "ON CONFLICT (tenant_id) DO UPDATE SET tokens = excluded.tokens, updated_us = excluded.updated_us, "
         "capacity = excluded.capacity, refill_per_second = excluded.refill_per_second"},
        {&statements.m_readIdempotency,
         "SELECT event_id FROM idempotency WHERE tenant_id = ?1 AND channel = ?2 AND provider_message_id = ?3 "
         "AND expires_ms > ?4"},
        {&statements.m_writeIdempotency,
         "INSERT OR REPLACE INTO idempotency (tenant_id, channel, provider_message_id, event_id, expires_ms) "
         "VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&statements.m_enqueue, "INSERT INTO queue (event) VALUES (?1)"},
        {&statements.m_bumpSecond,
         "INSERT INTO stats (second, tenant_id, metric, total) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (second, tenant_id, metric) DO UPDATE SET total = total + excluded.total"},
        {&statements.m_bumpTotal,
         "INSERT INTO tenant_totals (tenant_id, metric, total) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (tenant_id, metric) DO UPDATE SET total = total + excluded.total"},
    };
    for (const auto& [target, sql] : all) {
        auto prepared = connection.prepare(sql);
        if (!prepared)
            return std::unexpected(prepared.error());
        *target = std::move(*prepared);
    }
    return statements;
}

Result<std::optional<AdmissionStatements::Bucket>> AdmissionStatements::readBucket(const std::string& tenantId)
{
    auto row = m_readBucket.bind(1, tenantId).step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::nullopt;
    Bucket bucket{m_readBucket.real(0), m_readBucket.integer(1)};
    m_readBucket.reset();
    return bucket;
}

Result<void> AdmissionStatements::saveBucket(const std::string& tenantId, double tokens, std::int64_t nowUs,
                                             double capacity, double refillPerSecond)
{
    return m_saveBucket.bind(1, tenantId).bind(2, tokens).bind(3, nowUs).bind(4, capacity).bind(5, refillPerSecond)
        .run();
}

Result<std::optional<std::string>> AdmissionStatements::liveIdempotencyRecord(const std::string& tenantId,
                                                                              std::string_view channel,
                                                                              const std::string& providerMessageId,
                                                                              std::int64_t nowMs)
{
    auto row = m_readIdempotency.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId).bind(4, nowMs).step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::nullopt;
    std::string eventId(m_readIdempotency.text(0));
    m_readIdempotency.reset();
    return eventId;
}

Result<void> AdmissionStatements::writeIdempotencyRecord(const std::string& tenantId, std::string_view channel,
                                                         const std::string& providerMessageId,
                                                         const std::string& eventId, std::int64_t expiresMs)
{
    return m_writeIdempotency.bind(1, tenantId).bind(2, channel).bind(3, providerMessageId).bind(4, eventId)
        .bind(5, expiresMs).run();
}

Result<void> AdmissionStatements::enqueue(const std::string& eventText) { return m_enqueue.bind(1, eventText).run(); }

void AdmissionStatements::count(const std::string& tenantId, const char* metric)
{
    ++m_counts[{tenantId, metric}];
}

Result<void> AdmissionStatements::flushCounts(std::int64_t second)
{
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
    m_counts.clear();
    return {};
}

void AdmissionStatements::discardCounts() { m_counts.clear(); }

} // namespace mccig::embedded
