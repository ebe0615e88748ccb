#pragma once

#include "app/console_screen.h"
#include "live/live_snapshot.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace mccig::console {

class BucketTableModel;
class BurstSeriesModel;
class BurstTest;
class ElidedLabel;
class LiveChart;
class ThrottleSeriesModel;

// Rate Limit Monitor: every tenant's token bucket, live (from Redis when the
// profile has it), 429s per tenant over time, and a burst tester that fires a
// chosen rate at one tenant and charts accepted against throttled.
class RateLimitScreen final : public ConsoleScreen {
    Q_OBJECT
public:
    explicit RateLimitScreen(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session) override;
    void refresh() override;

    void startBurst(const QString& tenantId, int ratePerSecond, int durationSeconds);
    void stopBurst();
    bool isBurstRunning() const;
    void applySnapshot(const LiveSnapshot& snapshot);

    BucketTableModel* bucketModel() const { return m_buckets; }
    ThrottleSeriesModel* throttleModel() const { return m_throttles; }
    BurstSeriesModel* burstModel() const { return m_burst; }

    static constexpr int kHistorySeconds = 300;
    static constexpr int kRecentSeconds = 60;

signals:
    void burstFinished();
    void snapshotApplied();

private:
    QWidget* buildBurstPane();
    void updateBurstTotals();

    QPointer<ConsoleSession> m_session;
    QPointer<BurstTest> m_burstTest;
    BucketTableModel* m_buckets = nullptr;
    ThrottleSeriesModel* m_throttles = nullptr;
    BurstSeriesModel* m_burst = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_burstTenant = nullptr;
    QSpinBox* m_rate = nullptr;
    QSpinBox* m_duration = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QLabel* m_burstTotals = nullptr;
    ElidedLabel* m_sourceLabel = nullptr;
};

} // namespace mccig::console
