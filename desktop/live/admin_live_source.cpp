#include "live/admin_live_source.h"

#include "backend/admin_json.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace mccig::console {

AdminLiveSource::AdminLiveSource(ConsoleBackend* backend, QObject* parent)
    : LiveSource(parent), m_backend(backend), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &AdminLiveSource::refreshNow);
}

void AdminLiveSource::start()
{
    m_timer->start();
    refreshNow();
}

void AdminLiveSource::stop() { m_timer->stop(); }

bool AdminLiveSource::isRunning() const { return m_timer->isActive(); }

void AdminLiveSource::setIntervalMs(int milliseconds) { m_timer->setInterval(milliseconds); }

void AdminLiveSource::refreshNow()
{
    // One poll at a time: a slow server must not pile requests up.
    if (!m_backend || m_inFlight)
        return;
    m_inFlight = true;
    ApiRequest stats;
    stats.path = QStringLiteral("/v1/admin/stats");
    stats.query.addQueryItem(QStringLiteral("window"), QString::number(m_windowSeconds));
    stats.auth = ApiAuth::Admin;
    QPointer<AdminLiveSource> guard(this);
    connect(m_backend->send(stats), &PendingCall::finished, this, [this, guard](const ApiResponse& response) {
        if (!guard)
            return;
        const auto window = response.isSuccess() ? parseStatsBody(response.body) : std::nullopt;
        if (!window) {
            m_inFlight = false;
            emit failed(response.status == 0 ? response.transportError
                                             : tr("GET /v1/admin/stats answered %1").arg(response.status));
            return;
        }
        LiveSnapshot snapshot;
        snapshot.source = LiveSnapshot::Source::AdminApi;
        snapshot.takenAtMs = QDateTime::currentMSecsSinceEpoch();
        snapshot.series = window->series;
        snapshot.queueDepth = window->queueDepth;
        snapshot.dlqDepth = window->dlqDepth;
        onStats(snapshot);
    });
}

void AdminLiveSource::onStats(const LiveSnapshot& partial)
{
    ApiRequest tenants;
    tenants.path = QStringLiteral("/v1/admin/tenants");
    tenants.auth = ApiAuth::Admin;
    auto snapshot = std::make_shared<LiveSnapshot>(partial);
    connect(m_backend->send(tenants), &PendingCall::finished, this, [this, snapshot](const ApiResponse& response) {
        m_inFlight = false;
        const auto parsed = response.isSuccess() ? parseTenantsBody(response.body) : std::nullopt;
        if (!parsed) {
            emit failed(response.status == 0 ? response.transportError
                                             : tr("GET /v1/admin/tenants answered %1").arg(response.status));
            return;
        }
        snapshot->tenants = *parsed;
        attributeTenantDeltas(*snapshot);
        emit snapshotReady(*snapshot);
    });
}

namespace {

// Adds the growth of one running total since the last poll to `perSecond`.
void addDelta(QHash<QString, qint64>& previous, QHash<QString, qint64>& perSecond, const QString& tenant, qint64 total)
{
    const auto last = previous.constFind(tenant);
    if (last != previous.constEnd())
        perSecond[tenant] += qMax<qint64>(0, total - last.value());
    previous.insert(tenant, total);
}

} // namespace

void AdminLiveSource::attributeTenantDeltas(LiveSnapshot& snapshot)
{
    // The poll lands in the second it was taken; the Dashboard shows the
    // second before the newest, so it is attributed there.
    const qint64 second = snapshot.takenAtMs / 1000 - 1;
    for (const TenantFigures& tenant : snapshot.tenants) {
        addDelta(m_previousRateLimited, m_tenantThrottles[second], tenant.tenantId, tenant.rateLimited);
        addDelta(m_previousAccepted, m_tenantAccepted[second], tenant.tenantId, tenant.accepted);
    }
    const auto expired = [&](const auto& entry) { return entry.key() <= second - m_windowSeconds; };
    m_tenantThrottles.removeIf(expired);
    m_tenantAccepted.removeIf(expired);
    for (StatsPoint& point : snapshot.series) {
        point.tenantRateLimited = m_tenantThrottles.value(point.epochSecond);
        point.tenantAccepted = m_tenantAccepted.value(point.epochSecond);
    }
}

} // namespace mccig::console
