#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace mccig::console {

// Queue and DLQ depth as sampled at each refresh (the server keeps no history
// of depths), trimmed to the window. Backs the Dashboard's depth chart.
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
    void setWindowSeconds(int seconds);
    void clear();

private:
    struct Sample {
        qint64 epochSecond = 0;
        qint64 queueDepth = 0;
        qint64 dlqDepth = 0;
    };
    void trim();

    QList<Sample> m_samples;
    int m_windowSeconds = 300;
};

} // namespace mccig::console
