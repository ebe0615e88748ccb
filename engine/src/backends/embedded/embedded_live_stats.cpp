#include "embedded_live_stats.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <string_view>

namespace mccig::embedded {
namespace {

std::int64_t epochMicros(std::chrono::system_clock::time_point at)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
}

// The counter named `metric` of a point, or nothing for an unknown name.
long long* counterOf(StatsPoint& point, std::string_view metric)
{
    static const std::map<std::string_view, long long StatsPoint::*> kCounters{
        {"accepted", &StatsPoint::accepted},   {"duplicate", &StatsPoint::duplicate},
        {"rateLimited", &StatsPoint::rateLimited}, {"invalid", &StatsPoint::invalid},
        {"persisted", &StatsPoint::persisted}, {"retried", &StatsPoint::retried},
        {"deadLettered", &StatsPoint::deadLettered},
    };
    const auto it = kCounters.find(metric);
    return it == kCounters.end() ? nullptr : &(point.*(it->second));
}

// The one integer a query answers, its parameters bound from ?1 in order.
Result<long long> single(SqliteConnection& connection, const char* sql, std::initializer_list<std::int64_t> arguments)
{
    auto query = connection.prepare(sql);
    if (!query)
        return std::unexpected(query.error());
    int index = 0;
    for (const auto argument : arguments)
        query->bind(++index, argument);
    auto row = query->step();
    if (!row)
        return std::unexpected(row.error());
    const long long value = *row ? query->integer(0) : 0;
    query->reset();
    return value;
}

} // namespace

EmbeddedLiveStats::EmbeddedLiveStats(SqliteConnection connection, const Clock& clock)
    : m_connection(std::move(connection))
    , m_clock(clock)
{
}

Result<std::vector<TenantOverview>> EmbeddedLiveStats::tenants(const std::vector<std::string>& configuredTenants,
                                                               const PolicyLookup& policyFor)
{
    std::set<std::string> ids(configuredTenants.begin(), configuredTenants.end());
    std::map<std::string, TenantOverview> byTenant;
    auto totals = m_connection.prepare("SELECT tenant_id, metric, total FROM tenant_totals");
    auto buckets = m_connection.prepare("SELECT tenant_id, tokens, updated_us FROM buckets");
    if (!totals || !buckets)
        return std::unexpected(!totals ? totals.error() : buckets.error());
    auto readTotals = totals->forEachRow([&](const SqliteStatement& row) {
        const std::string tenant(row.text(0));
        ids.insert(tenant);
        auto& overview = byTenant[tenant];
        const auto metric = row.text(1);
        const long long value = row.integer(2);
        if (metric == "accepted")
            overview.accepted = value;
        else if (metric == "duplicate")
            overview.duplicates = value;
        else if (metric == "rateLimited")
            overview.rateLimited = value;
    });
    std::map<std::string, std::pair<double, std::int64_t>> stored;
    auto readBuckets = buckets->forEachRow([&](const SqliteStatement& row) {
        stored[std::string(row.text(0))] = {row.real(1), row.integer(2)};
    });
    if (!readTotals || !readBuckets)
        return std::unexpected(!readTotals ? readTotals.error() : readBuckets.error());
    const auto nowUs = epochMicros(m_clock.now());
    std::vector<TenantOverview> overviews;
    for (const auto& id : ids) {
        TenantOverview overview = byTenant[id];
        overview.tenantId = id;
        overview.rateLimit = policyFor(id);
        overview.tokens = overview.rateLimit.capacity;
        if (const auto it = stored.find(id); it != stored.end()) {
            const double elapsed = std::max<double>(0, static_cast<double>(nowUs - it->second.second) / 1e6);
            overview.tokens = std::min(overview.rateLimit.capacity,
                                       it->second.first + elapsed * overview.rateLimit.refillPerSecond);
        }
        overviews.push_back(std::move(overview));
    }
    return overviews;
}

Result<std::vector<StatsPoint>> EmbeddedLiveStats::series(int windowSeconds)
{
    windowSeconds = std::clamp(windowSeconds, 1, kMaxStatsWindowSeconds);
    const std::int64_t now = epochMicros(m_clock.now()) / 1'000'000;
    const std::int64_t first = now - windowSeconds + 1;
    std::vector<StatsPoint> points(static_cast<std::size_t>(windowSeconds));
    for (int i = 0; i < windowSeconds; ++i)
        points[static_cast<std::size_t>(i)].t = first + i;
    auto query = m_connection.prepare(
        "SELECT second, metric, total FROM stats WHERE tenant_id = '' AND second BETWEEN ?1 AND ?2");
    if (!query)
        return std::unexpected(query.error());
    query->bind(1, first).bind(2, now);
    auto read = query->forEachRow([&](const SqliteStatement& row) {
        auto& point = points[static_cast<std::size_t>(row.integer(0) - first)];
        if (auto* counter = counterOf(point, row.text(1)))
            *counter += row.integer(2);
    });
    if (!read)
        return std::unexpected(read.error());
    return points;
}

Result<QueueDepth> EmbeddedLiveStats::depth()
{
    const auto nowMs = epochMicros(m_clock.now()) / 1000;
    auto waiting = single(m_connection, "SELECT count(*) FROM queue WHERE owner IS NOT NULL OR due_ms <= ?1", {nowMs});
    auto retrying = single(m_connection, "SELECT count(*) FROM queue WHERE owner IS NULL AND due_ms > ?1", {nowMs});
    auto dead = single(m_connection, "SELECT count(*) FROM dead_letters", {});
    if (!waiting || !retrying || !dead)
        return std::unexpected(!waiting ? waiting.error() : !retrying ? retrying.error() : dead.error());
    return QueueDepth{*waiting, *retrying, *dead};
}

} // namespace mccig::embedded
