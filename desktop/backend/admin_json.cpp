#include "backend/admin_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mccig::console {
namespace {

std::optional<QJsonObject> objectOf(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

qint64 integerOf(const QJsonValue& value) { return qint64(value.toDouble()); }

} // namespace

std::optional<StatsWindow> parseStatsBody(const QByteArray& body)
{
    const auto object = objectOf(body);
    if (!object || !object->value(QLatin1String("series")).isArray())
        return std::nullopt;
    StatsWindow window;
    for (const QJsonValue& entry : object->value(QLatin1String("series")).toArray()) {
        const QJsonObject point = entry.toObject();
        if (!point.value(QLatin1String("t")).isDouble())
            return std::nullopt;
        StatsPoint stats;
        stats.epochSecond = integerOf(point.value(QLatin1String("t")));
        for (int f = 0; f < kFigureCount; ++f)
            stats.values[std::size_t(f)] = integerOf(point.value(QLatin1String(figureFieldName(Figure(f)))));
        window.series.append(stats);
    }
    std::sort(window.series.begin(), window.series.end(),
              [](const StatsPoint& a, const StatsPoint& b) { return a.epochSecond < b.epochSecond; });
    window.queueDepth = integerOf(object->value(QLatin1String("queueDepth")));
    window.dlqDepth = integerOf(object->value(QLatin1String("dlqDepth")));
    return window;
}

std::optional<QList<TenantFigures>> parseTenantsBody(const QByteArray& body)
{
    const auto object = objectOf(body);
    if (!object || !object->value(QLatin1String("items")).isArray())
        return std::nullopt;
    QList<TenantFigures> tenants;
    for (const QJsonValue& entry : object->value(QLatin1String("items")).toArray()) {
        const QJsonObject item = entry.toObject();
        TenantFigures tenant;
        tenant.tenantId = item.value(QLatin1String("tenantId")).toString();
        if (tenant.tenantId.isEmpty())
            return std::nullopt;
        tenant.accepted = integerOf(item.value(QLatin1String("accepted")));
        tenant.duplicate = integerOf(item.value(QLatin1String("duplicates")));
        tenant.rateLimited = integerOf(item.value(QLatin1String("rateLimited")));
        tenant.invalid = integerOf(item.value(QLatin1String("invalid")));
        const QJsonObject rate = item.value(QLatin1String("rateLimit")).toObject();
        tenant.bucketKnown = rate.contains(QLatin1String("capacity"));
        tenant.capacity = rate.value(QLatin1String("capacity")).toDouble();
        tenant.refillPerSecond = rate.value(QLatin1String("refillPerSecond")).toDouble();
        tenant.tokens = rate.value(QLatin1String("tokens")).toDouble();
        tenants.append(tenant);
    }
    std::sort(tenants.begin(), tenants.end(),
              [](const TenantFigures& a, const TenantFigures& b) { return a.tenantId < b.tenantId; });
    return tenants;
}

std::optional<DlqEntry> parseDlqEntry(const QJsonObject& object)
{
    DlqEntry entry;
    entry.id = object.value(QLatin1String("id")).toString();
    if (entry.id.isEmpty())
        return std::nullopt;
    const QJsonObject event = object.value(QLatin1String("event")).toObject();
    entry.tenantId = event.value(QLatin1String("tenantId")).toString();
    entry.channel = event.value(QLatin1String("channel")).toString();
    entry.providerMessageId = event.value(QLatin1String("providerMessageId")).toString();
    entry.attempts = object.value(QLatin1String("attempts")).toInt();
    entry.lastError = object.value(QLatin1String("lastError")).toString();
    entry.failedAt = QDateTime::fromString(object.value(QLatin1String("failedAt")).toString(), Qt::ISODateWithMs);
    entry.raw = object;
    return entry;
}

std::optional<DlqPage> parseDlqBody(const QByteArray& body)
{
    const auto object = objectOf(body);
    if (!object || !object->value(QLatin1String("items")).isArray())
        return std::nullopt;
    DlqPage page;
    for (const QJsonValue& value : object->value(QLatin1String("items")).toArray()) {
        auto entry = parseDlqEntry(value.toObject());
        if (!entry)
            return std::nullopt;
        page.items.append(*entry);
    }
    page.total = object->contains(QLatin1String("total")) ? integerOf(object->value(QLatin1String("total")))
                                                          : page.items.size();
    page.next = object->value(QLatin1String("next")).toString(); // null (the last page) reads as empty
    return page;
}

std::optional<qint64> parseCountBody(const QByteArray& body)
{
    const auto object = objectOf(body);
    if (!object || !object->value(QLatin1String("count")).isDouble())
        return std::nullopt;
    return integerOf(object->value(QLatin1String("count")));
}

QString errorCodeOf(const QByteArray& body)
{
    const auto object = objectOf(body);
    return object ? object->value(QLatin1String("error")).toString() : QString();
}

} // namespace mccig::console
