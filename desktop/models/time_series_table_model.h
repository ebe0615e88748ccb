#pragma once

#include "live/live_snapshot.h"

#include <QAbstractTableModel>

namespace mccig::console {

// Base of the per-second tables: one row per second, oldest first, at most
// `windowSeconds` rows. merge() applies a fresh window with fine-grained
// insert/remove/change signals (never a reset), so charts mapped onto the
// model update incrementally. Subclasses decide the columns.
class TimeSeriesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        EpochSecondRole = Qt::UserRole,
    };

    explicit TimeSeriesTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;

    void merge(const QList<StatsPoint>& incoming);
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }
    void clear();

    const StatsPoint& pointAt(int row) const { return m_rows.at(row); }

protected:
    // Called before rows change so subclasses can grow dynamic columns.
    virtual void aboutToMerge(const QList<StatsPoint>& incoming);

private:
    void dropBefore(qint64 cutoff);

    QList<StatsPoint> m_rows;
    int m_windowSeconds = 300;
};

} // namespace mccig::console
