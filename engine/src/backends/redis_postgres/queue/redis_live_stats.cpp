#include "redis_live_stats.h"

#include "mccig/queue/queue_depth.h"
#include "mccig/redis/redis_keys.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace mccig {
namespace {

using Fields = std::map<std::string, std::string, std::less<>>;

Fields hashFields(const RedisReply& reply)
{
    Fields fields;
    for (std::size_t i = 0; i + 1 < reply.elements.size(); i += 2)
        fields.emplace(reply.elements[i].text, reply.elements[i + 1].text);
    return fields;
}

long long integerField(const Fields& fields, std::string_view name)
{
    long long value = 0;
    if (const auto it = fields.find(name); it != fields.end())
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    return value;
}

double realField(const Fields& fields, std::string_view name, double fallback)
{
    const auto it = fields.find(name);
    if (it == fields.end())
        return fallback;
    double value = fallback;
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    return value;
}

// docs/redis-keys.md: tokens at t = min(capacity, tokens + (t - updatedUs)/1e6 * refillPerSecond).
double tokensNow(const Fields& bucket, const RateLimitPolicy& policy, long long nowMicros)
{
    if (bucket.empty())
        return policy.capacity;
    const double tokens = realField(bucket, "tokens", policy.capacity);
    const double updatedUs = realField(bucket, "updatedUs", static_cast<double>(nowMicros));
    const double elapsed = std::max(0.0, (static_cast<double>(nowMicros) - updatedUs) / 1e6);
    return std::min(policy.capacity, tokens + elapsed * policy.refillPerSecond);
}

} // namespace

RedisLiveStats::RedisLiveStats(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_connection(std::move(endpoint), timeout)
{
}

Result<long long> RedisLiveStats::redisNowMicros()
{
    auto time = m_connection.command({"TIME"});
    if (!time)
        return std::unexpected(time.error());
    if (!time->isArray() || time->elements.size() != 2)
        return failure(ErrorKind::Internal, "unexpected TIME reply");
    return std::stoll(time->elements[0].text) * 1000000 + std::stoll(time->elements[1].text);
}

Result<std::vector<TenantOverview>> RedisLiveStats::tenants(const std::vector<std::string>& configuredTenants,
                                                            const PolicyLookup& policyFor)
{
    auto seen = m_connection.command({"SMEMBERS", std::string(kTenantsKey)});
    if (!seen)
        return std::unexpected(seen.error());
    std::set<std::string> ids(configuredTenants.begin(), configuredTenants.end());
    for (const auto& member : seen->elements)
        ids.insert(member.text);
    std::vector<std::vector<std::string>> commands{{"TIME"}};
    for (const auto& id : ids) {
        commands.push_back({"HGETALL", std::string(kBucketPrefix) + id});
        commands.push_back({"HGETALL", std::string(kTenantTotalsPrefix) + id});
    }
    auto replies = m_connection.pipeline(commands);
    if (!replies)
        return std::unexpected(replies.error());
    const auto& time = (*replies)[0];
    if (!time.isArray() || time.elements.size() != 2)
        return failure(ErrorKind::Internal, "unexpected TIME reply");
    const long long nowMicros = std::stoll(time.elements[0].text) * 1000000 + std::stoll(time.elements[1].text);
    std::vector<TenantOverview> overviews;
    std::size_t slot = 1;
    for (const auto& id : ids) {
        const Fields bucket = hashFields((*replies)[slot++]);
        const Fields totals = hashFields((*replies)[slot++]);
        TenantOverview overview;
        overview.tenantId = id;
        overview.rateLimit = policyFor ? policyFor(id) : RateLimitPolicy{};
        overview.tokens = tokensNow(bucket, overview.rateLimit, nowMicros);
        overview.accepted = integerField(totals, "accepted");
        overview.duplicates = integerField(totals, "duplicate");
        overview.rateLimited = integerField(totals, "rateLimited");
        overviews.push_back(std::move(overview));
    }
    return overviews;
}

Result<std::vector<StatsPoint>> RedisLiveStats::series(int windowSeconds)
{
    if (windowSeconds < 1 || windowSeconds > kMaxStatsWindowSeconds)
        return failure(ErrorKind::Rejected, "window must be 1.." + std::to_string(kMaxStatsWindowSeconds));
    auto now = redisNowMicros();
    if (!now)
        return std::unexpected(now.error());
    const long long newest = *now / 1000000;
    const long long oldest = newest - windowSeconds + 1;
    std::vector<std::vector<std::string>> commands;
    for (long long t = oldest; t <= newest; ++t)
        commands.push_back({"HGETALL", std::string(kStatsPrefix) + std::to_string(t)});
    auto replies = m_connection.pipeline(commands);
    if (!replies)
        return std::unexpected(replies.error());
    std::vector<StatsPoint> points;
    points.reserve(replies->size());
    for (long long t = oldest; t <= newest; ++t) {
        const Fields fields = hashFields((*replies)[static_cast<std::size_t>(t - oldest)]);
        points.push_back({t, integerField(fields, "accepted"), integerField(fields, "duplicate"),
                          integerField(fields, "rateLimited"), integerField(fields, "invalid"),
                          integerField(fields, "persisted"), integerField(fields, "retried"),
                          integerField(fields, "deadLettered")});
    }
    return points;
}

Result<QueueDepth> RedisLiveStats::depth() { return readQueueDepth(m_connection); }

} // namespace mccig
