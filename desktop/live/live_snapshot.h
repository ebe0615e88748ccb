#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

namespace mccig::console {

// The per-second figures the server counts (docs/redis-keys.md, mccig:stats:*).
enum class Figure {
    Accepted,
    Duplicate,
    RateLimited,
    Invalid,
    Persisted,
    Retried,
    DeadLettered,
};
inline constexpr int kFigureCount = 7;

// The field name of a figure in Redis and in /v1/admin/stats ("rateLimited").
const char* figureFieldName(Figure figure);

struct StatsPoint {
    qint64 epochSecond = 0;
    std::array<qint64, kFigureCount> values{};
    QHash<QString, qint64> tenantRateLimited; // 429s of each tenant in this second
    QHash<QString, qint64> tenantAccepted;

    qint64 value(Figure figure) const { return values[static_cast<std::size_t>(figure)]; }
    friend bool operator==(const StatsPoint&, const StatsPoint&) = default;
};

struct TenantFigures {
    QString tenantId;
    qint64 accepted = 0;
    qint64 duplicate = 0;
    qint64 rateLimited = 0;
    qint64 invalid = 0;
    bool bucketKnown = false;
    double capacity = 0;
    double refillPerSecond = 0;
    double tokens = 0;
};

// Everything the live screens show, read at one moment.
struct LiveSnapshot {
    enum class Source {
        Redis,
        AdminApi,
    };
    Source source = Source::Redis;
    qint64 takenAtMs = 0;            // epoch ms
    QList<StatsPoint> series;        // oldest first, one point per second of the window
    qint64 queueDepth = 0;
    qint64 dlqDepth = 0;
    QList<TenantFigures> tenants;    // sorted by tenant id
};

} // namespace mccig::console

Q_DECLARE_METATYPE(mccig::console::LiveSnapshot)
