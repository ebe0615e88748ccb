#pragma once

#include "live/live_snapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mccig::console {

// One dead letter as GET /v1/admin/dlq returns it (API.md §5).
struct DlqEntry {
    QString id;
    QString tenantId;
    QString channel;
    QString providerMessageId;
    int attempts = 0;
    QString lastError;
    QDateTime failedAt;
    QJsonObject raw; // the whole entry, for the details pane
};

struct DlqPage {
    QList<DlqEntry> items;
    qint64 total = 0;
    QString next; // the cursor of the following page; empty on the last
};

struct StatsWindow {
    QList<StatsPoint> series;
    qint64 queueDepth = 0;
    qint64 dlqDepth = 0;
};

// Parsers for the admin API's bodies. Each returns nothing when the body is
// not the documented shape, so a wrong server is reported, not half-shown.
std::optional<StatsWindow> parseStatsBody(const QByteArray& body);
std::optional<QList<TenantFigures>> parseTenantsBody(const QByteArray& body);
std::optional<DlqPage> parseDlqBody(const QByteArray& body);
std::optional<qint64> parseCountBody(const QByteArray& body);
std::optional<DlqEntry> parseDlqEntry(const QJsonObject& object);

// The `error` of an API error body ("rate_limited"), or empty.
QString errorCodeOf(const QByteArray& body);

} // namespace mccig::console
