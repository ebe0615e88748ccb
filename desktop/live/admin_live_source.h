#pragma once

#include "live/live_source.h"

#include <QHash>
#include <QPointer>

class QTimer;

namespace mccig::console {

class ConsoleBackend;

// LiveSource without Redis: polls GET /v1/admin/stats and /v1/admin/tenants.
// The admin API has no per-tenant series, so 429s and acceptances per tenant
// per second are derived from the change of the tenants' running totals
// between polls.
// GUI thread only; requests are asynchronous.
class AdminLiveSource final : public LiveSource {
    Q_OBJECT
public:
    explicit AdminLiveSource(ConsoleBackend* backend, QObject* parent = nullptr);

    void start() override;
    void stop() override;
    bool isRunning() const override;
    void setWindowSeconds(int seconds) override { m_windowSeconds = seconds; }
    void setIntervalMs(int milliseconds) override;
    void refreshNow() override;

private:
    void onStats(const LiveSnapshot& partial);
    void attributeTenantDeltas(LiveSnapshot& snapshot);

    QPointer<ConsoleBackend> m_backend;
    QTimer* m_timer = nullptr;
    int m_windowSeconds = 300;
    bool m_inFlight = false;
    QHash<QString, qint64> m_previousRateLimited;
    QHash<QString, qint64> m_previousAccepted;
    QHash<qint64, QHash<QString, qint64>> m_tenantThrottles; // epoch second -> tenant -> 429s
    QHash<qint64, QHash<QString, qint64>> m_tenantAccepted;  // epoch second -> tenant -> 202s
};

} // namespace mccig::console
