#pragma once

#include "app/console_screen.h"
#include "live/live_snapshot.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QToolButton;

namespace mccig::console {

class DepthSeriesModel;
class ElidedLabel;
class LiveChart;
class StatsSeriesModel;
class TenantTableModel;

// Dashboard: live per-second charts of what the server counts, queue and DLQ
// depth, and a per-tenant table, refreshed from the session's live source
// (Redis directly, or the admin API). Pausing freezes the view while the
// source keeps running; the window is 1, 5, 15 or 60 minutes.
class DashboardScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit DashboardScreen(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session) override;
    void refresh() override;

    void setPaused(bool paused);
    bool isPaused() const;
    void setWindowMinutes(int minutes);
    int windowMinutes() const;
    QString sourceText() const;
    // The DLQ depth of the last snapshot shown, -1 before the first.
    qint64 dlqDepthShown() const { return m_dlqDepthShown; }
    void applySnapshot(const LiveSnapshot& snapshot);

    StatsSeriesModel* statsModel() const { return m_stats; }
    DepthSeriesModel* depthModel() const { return m_depth; }
    TenantTableModel* tenantModel() const { return m_tenants; }

    static constexpr int kMinimumSourceWindowSeconds = 300;

signals:
    void snapshotApplied();

private:
    QWidget* buildHeader();
    QLabel* addTile(QWidget* parent, const QString& caption);
    void updateTiles(const LiveSnapshot& snapshot);
    enum class SourceState {
        Fine,
        Failed,
    };
    void showSource(const QString& text, SourceState state = SourceState::Fine);

    QPointer<ConsoleSession> m_session;
    StatsSeriesModel* m_stats = nullptr;
    DepthSeriesModel* m_depth = nullptr;
    TenantTableModel* m_tenants = nullptr;
    QList<LiveChart*> m_timeCharts;
    QComboBox* m_window = nullptr;
    QToolButton* m_pause = nullptr;
    QLabel* m_acceptedTile = nullptr;
    QLabel* m_persistedTile = nullptr;
    QLabel* m_queueTile = nullptr;
    QLabel* m_dlqTile = nullptr;
    ElidedLabel* m_sourceLabel = nullptr;
    QString m_lastSnapshotTime;
    qint64 m_dlqDepthShown = -1;
};

} // namespace mccig::console
