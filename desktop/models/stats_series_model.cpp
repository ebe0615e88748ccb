#include "models/stats_series_model.h"

#include "models/figure_colors.h"

#include <QDateTime>

namespace mccig::console {

StatsSeriesModel::StatsSeriesModel(QObject* parent) : TimeSeriesTableModel(parent) {}

int StatsSeriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StatsSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StatsPoint& point = pointAt(index.row());
    if (role == EpochSecondRole)
        return point.epochSecond;
    if (role == Qt::TextAlignmentRole)
        return index.column() == TimeColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == TimeColumn)
        return QDateTime::fromSecsSinceEpoch(point.epochSecond);
    return point.values[std::size_t(index.column() - 1)];
}

QVariant StatsSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DecorationRole)
        return section > TimeColumn && section < ColumnCount ? QVariant(figureColor(Figure(section - AcceptedColumn)))
                                                             : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case AcceptedColumn: return tr("Accepted");
    case DuplicateColumn: return tr("Duplicate");
    case RateLimitedColumn: return tr("Rate-limited");
    case InvalidColumn: return tr("Invalid");
    case PersistedColumn: return tr("Persisted");
    case RetriedColumn: return tr("Retried");
    case DeadLetteredColumn: return tr("Dead-lettered");
    default: return {};
    }
}

} // namespace mccig::console
