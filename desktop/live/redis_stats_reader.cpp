#include "live/redis_stats_reader.h"

#include "mccig/queue/queue_depth.h"
#include "mccig/redis/redis_keys.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QDateTime>

#include <algorithm>
#include <string>
#include <vector>

namespace mccig::console {
namespace {

constexpr std::chrono::milliseconds kRedisTimeout{1500};
constexpr qint64 kMaxWindowSeconds = 3600;
constexpr std::size_t kPipelineChunk = 400;
const std::string kTenantFieldPrefix = "t:";

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields hashFields(const RedisReply& reply)
{
    Fields fields;
    if (!reply.isArray())
        return fields;
    for (std::size_t i = 0; i + 1 < reply.elements.size(); i += 2)
        fields.emplace_back(reply.elements[i].text, reply.elements[i + 1].text);
    return fields;
}

// Records why a read failed; false, so a reader can return it.
bool failedWith(const Error& failure, QString& error)
{
    error = QString::fromStdString(failure.message);
    return false;
}

qint64 toInteger(const std::string& text) { return QByteArray::fromStdString(text).toLongLong(); }
double toReal(const std::string& text) { return QByteArray::fromStdString(text).toDouble(); }

// "t:{tenant}:rateLimited": the tenant id cannot hold ':' (docs/redis-keys.md).
void addTenantField(StatsPoint& point, const std::string& field, qint64 value)
{
    const std::size_t split = field.rfind(':');
    if (split == std::string::npos || split <= kTenantFieldPrefix.size())
        return;
    const QString tenant = QString::fromStdString(field.substr(2, split - 2));
    const std::string figure = field.substr(split + 1);
    if (figure == "rateLimited")
        point.tenantRateLimited.insert(tenant, value);
    else if (figure == "accepted")
        point.tenantAccepted.insert(tenant, value);
}

StatsPoint pointFromHash(qint64 second, const RedisReply& reply)
{
    StatsPoint point;
    point.epochSecond = second;
    for (const auto& [field, value] : hashFields(reply)) {
        if (field.starts_with(kTenantFieldPrefix)) {
            addTenantField(point, field, toInteger(value));
            continue;
        }
        for (int f = 0; f < kFigureCount; ++f) {
            if (field == figureFieldName(static_cast<Figure>(f)))
                point.values[static_cast<std::size_t>(f)] = toInteger(value);
        }
    }
    return point;
}

void applyTenantTotals(TenantFigures& tenant, const RedisReply& reply)
{
    for (const auto& [field, value] : hashFields(reply)) {
        if (field == "accepted")
            tenant.accepted = toInteger(value);
        else if (field == "duplicate")
            tenant.duplicate = toInteger(value);
        else if (field == "rateLimited")
            tenant.rateLimited = toInteger(value);
        else if (field == "invalid")
            tenant.invalid = toInteger(value);
    }
}

// Tokens now = min(capacity, tokens + elapsed * refill), as the script computes them.
void applyBucket(TenantFigures& tenant, const RedisReply& reply, qint64 nowMicros)
{
    double tokens = 0;
    qint64 updatedUs = nowMicros;
    for (const auto& [field, value] : hashFields(reply)) {
        if (field == "tokens")
            tokens = toReal(value);
        else if (field == "updatedUs")
            updatedUs = toInteger(value);
        else if (field == "capacity")
            tenant.capacity = toReal(value);
        else if (field == "refillPerSecond")
            tenant.refillPerSecond = toReal(value);
    }
    tenant.bucketKnown = tenant.capacity > 0;
    const double elapsed = double(std::max<qint64>(0, nowMicros - updatedUs)) / 1e6;
    tenant.tokens = std::min(tenant.capacity, tokens + elapsed * tenant.refillPerSecond);
}

} // namespace

RedisStatsReader::RedisStatsReader(const QString& redisUrl) : m_url(redisUrl) {}

RedisStatsReader::~RedisStatsReader() = default;

bool RedisStatsReader::ensureConnection(QString& error)
{
    if (m_connection)
        return true;
    auto endpoint = parseRedisUrl(m_url.toStdString());
    if (!endpoint)
        return failedWith(endpoint.error(), error);
    m_connection = std::make_unique<RedisSyncConnection>(*endpoint, kRedisTimeout);
    return true;
}

RedisStatsReader::Outcome RedisStatsReader::read(int windowSeconds)
{
    Outcome outcome;
    if (!ensureConnection(outcome.error))
        return outcome;
    auto time = m_connection->command({"TIME"});
    if (!time || !time->isArray() || time->elements.size() != 2) {
        outcome.error = time ? QStringLiteral("unexpected TIME reply") : QString::fromStdString(time.error().message);
        return outcome;
    }
    const qint64 nowSecond = toInteger(time->elements[0].text);
    const qint64 nowMicros = nowSecond * 1000000 + toInteger(time->elements[1].text);
    outcome.snapshot.source = LiveSnapshot::Source::Redis;
    outcome.snapshot.takenAtMs = nowMicros / 1000;
    const int window = int(std::clamp<qint64>(windowSeconds, 1, kMaxWindowSeconds));
    if (!readSeries(nowSecond, window, outcome.snapshot, outcome.error))
        return outcome;
    if (!readTenants(nowMicros, outcome.snapshot, outcome.error))
        return outcome;
    outcome.ok = true;
    return outcome;
}

bool RedisStatsReader::readSeries(qint64 nowSecond, int windowSeconds, LiveSnapshot& snapshot, QString& error)
{
    const qint64 first = nowSecond - windowSeconds + 1;
    m_settled.erase(m_settled.begin(), m_settled.lower_bound(nowSecond - kMaxWindowSeconds));
    std::vector<qint64> missing;
    for (qint64 second = first; second <= nowSecond; ++second) {
        if (second > nowSecond - kMutableSeconds || !m_settled.contains(second))
            missing.push_back(second);
    }
    for (std::size_t start = 0; start < missing.size(); start += kPipelineChunk) {
        const std::size_t end = std::min(missing.size(), start + kPipelineChunk);
        std::vector<std::vector<std::string>> commands;
        for (std::size_t i = start; i < end; ++i)
            commands.push_back({"HGETALL", std::string(kStatsPrefix) + std::to_string(missing[i])});
        auto replies = m_connection->pipeline(commands);
        if (!replies)
            return failedWith(replies.error(), error);
        for (std::size_t i = start; i < end; ++i)
            m_settled[missing[i]] = pointFromHash(missing[i], (*replies)[i - start]);
    }
    for (qint64 second = first; second <= nowSecond; ++second)
        snapshot.series.append(m_settled[second]);
    return true;
}

bool RedisStatsReader::readTenants(qint64 nowMicros, LiveSnapshot& snapshot, QString& error)
{
    auto depth = readQueueDepth(*m_connection);
    if (!depth)
        return failedWith(depth.error(), error);
    snapshot.queueDepth = depth->queued();
    snapshot.dlqDepth = depth->deadLetters;
    auto members = m_connection->command({"SMEMBERS", std::string(kTenantsKey)});
    if (!members)
        return failedWith(members.error(), error);
    std::vector<std::string> tenantIds;
    for (const RedisReply& member : members->elements)
        tenantIds.push_back(member.text);
    std::sort(tenantIds.begin(), tenantIds.end());
    std::vector<std::vector<std::string>> commands;
    for (const std::string& tenant : tenantIds) {
        commands.push_back({"HGETALL", std::string(kTenantTotalsPrefix) + tenant});
        commands.push_back({"HGETALL", std::string(kBucketPrefix) + tenant});
    }
    if (commands.empty())
        return true;
    auto replies = m_connection->pipeline(commands);
    if (!replies)
        return failedWith(replies.error(), error);
    for (std::size_t i = 0; i < tenantIds.size(); ++i) {
        TenantFigures tenant;
        tenant.tenantId = QString::fromStdString(tenantIds[i]);
        applyTenantTotals(tenant, (*replies)[2 * i]);
        applyBucket(tenant, (*replies)[2 * i + 1], nowMicros);
        snapshot.tenants.append(tenant);
    }
    return true;
}

} // namespace mccig::console
