#pragma once

#include "models/time_series_table_model.h"

namespace mccig::console {

// The server's per-second figures over the chosen window: the Dashboard's
// table and, through QVXYModelMapper, its charts. Time is a QDateTime in
// DisplayRole (charts map it to milliseconds).
class StatsSeriesModel final : public TimeSeriesTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        AcceptedColumn,
        DuplicateColumn,
        RateLimitedColumn,
        InvalidColumn,
        PersistedColumn,
        RetriedColumn,
        DeadLetteredColumn,
        ColumnCount,
    };

    explicit StatsSeriesModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static Column columnOf(Figure figure) { return Column(int(figure) + 1); }
};

} // namespace mccig::console
