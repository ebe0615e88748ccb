#pragma once

#include "live/depth_history.h"

#include <QAbstractTableModel>
#include <QList>

namespace mccig::console {

// Queue and DLQ depth as sampled at each refresh, trimmed to the window; the
// seconds before the first sample come from the history the server's counters
// give (depthHistory()). Backs the Dashboard's depth chart.
class DepthSeriesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        QueueDepthColumn,
        DlqDepthColumn,
        ColumnCount,
    };
    enum Role {
        EpochSecondRole = Qt::UserRole,
    };

    explicit DepthSeriesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A sample at `epochSecond`; a second sample in the same second replaces the first.
    void addSample(qint64 epochSecond, qint64 queueDepth, qint64 dlqDepth);
    // Puts the samples of `history` older than the oldest held (all of them
    // when none is held) in front, as far as the window reaches. Measured
    // samples are never replaced by reconstructed ones.
    void fillHistory(const QList<DepthSample>& history);
    void setWindowSeconds(int seconds);
    void clear();

private:
    void trim();

    QList<DepthSample> m_samples;
    int m_windowSeconds = 300;
};

} // namespace mccig::console
