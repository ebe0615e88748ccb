#include "models/time_series_table_model.h"

#include <algorithm>

namespace mccig::console {

TimeSeriesTableModel::TimeSeriesTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int TimeSeriesTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void TimeSeriesTableModel::aboutToMerge(const QList<StatsPoint>&) {}

void TimeSeriesTableModel::dropBefore(qint64 cutoff)
{
    int drop = 0;
    while (drop < m_rows.size() && m_rows.at(drop).epochSecond < cutoff)
        ++drop;
    if (drop == 0)
        return;
    beginRemoveRows({}, 0, drop - 1);
    m_rows.remove(0, drop);
    endRemoveRows();
}

void TimeSeriesTableModel::merge(const QList<StatsPoint>& incoming)
{
    if (incoming.isEmpty())
        return;
    aboutToMerge(incoming);
    const qint64 cutoff = incoming.last().epochSecond - m_windowSeconds + 1;
    dropBefore(cutoff);
    QList<StatsPoint> appended;
    for (const StatsPoint& point : incoming) {
        if (point.epochSecond < cutoff)
            continue;
        if (!appended.isEmpty() || m_rows.isEmpty() || point.epochSecond > m_rows.last().epochSecond) {
            appended.append(point);
            continue;
        }
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), point.epochSecond,
                                         [](const StatsPoint& row, qint64 second) { return row.epochSecond < second; });
        const int row = int(at - m_rows.begin());
        if (at->epochSecond == point.epochSecond) {
            if (!(*at == point)) {
                *at = point;
                emit dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, point);
        endInsertRows();
    }
    if (!appended.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(appended.size()) - 1);
        m_rows.append(appended);
        endInsertRows();
    }
}

void TimeSeriesTableModel::setWindowSeconds(int seconds)
{
    m_windowSeconds = std::max(1, seconds);
    if (!m_rows.isEmpty())
        dropBefore(m_rows.last().epochSecond - m_windowSeconds + 1);
}

void TimeSeriesTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace mccig::console
