#include "models/depth_series_model.h"

#include "models/figure_colors.h"

#include <QDateTime>

namespace mccig::console {

DepthSeriesModel::DepthSeriesModel(QObject* parent) : QAbstractTableModel(parent) {}

int DepthSeriesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_samples.size()); }

int DepthSeriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DepthSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DepthSample& sample = m_samples.at(index.row());
    if (role == EpochSecondRole)
        return sample.epochSecond;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return QDateTime::fromSecsSinceEpoch(sample.epochSecond);
    case QueueDepthColumn: return sample.queueDepth;
    case DlqDepthColumn: return sample.dlqDepth;
    default: return {};
    }
}

QVariant DepthSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DecorationRole) {
        switch (section) {
        case QueueDepthColumn: return queueDepthColor();
        case DlqDepthColumn: return figureColor(Figure::DeadLettered);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case QueueDepthColumn: return tr("Queue depth");
    case DlqDepthColumn: return tr("DLQ depth");
    default: return {};
    }
}

void DepthSeriesModel::addSample(qint64 epochSecond, qint64 queueDepth, qint64 dlqDepth)
{
    if (!m_samples.isEmpty() && m_samples.last().epochSecond >= epochSecond) {
        const int row = int(m_samples.size()) - 1;
        m_samples[row] = {m_samples.last().epochSecond, queueDepth, dlqDepth};
        emit dataChanged(index(row, QueueDepthColumn), index(row, DlqDepthColumn));
        return;
    }
    const int row = int(m_samples.size());
    beginInsertRows({}, row, row);
    m_samples.append({epochSecond, queueDepth, dlqDepth});
    endInsertRows();
    trim();
}

void DepthSeriesModel::fillHistory(const QList<DepthSample>& history)
{
    if (history.isEmpty())
        return;
    const qint64 newest = m_samples.isEmpty() ? history.last().epochSecond : m_samples.last().epochSecond;
    const qint64 cutoff = newest - m_windowSeconds + 1;
    const qint64 before = m_samples.isEmpty() ? newest + 1 : m_samples.first().epochSecond;
    QList<DepthSample> older;
    for (const DepthSample& sample : history) {
        if (sample.epochSecond >= cutoff && sample.epochSecond < before)
            older.append(sample);
    }
    if (older.isEmpty())
        return;
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_samples = older + m_samples;
    endInsertRows();
}

void DepthSeriesModel::clear()
{
    beginResetModel();
    m_samples.clear();
    endResetModel();
}

void DepthSeriesModel::setWindowSeconds(int seconds)
{
    m_windowSeconds = qMax(1, seconds);
    trim();
}

void DepthSeriesModel::trim()
{
    if (m_samples.isEmpty())
        return;
    const qint64 cutoff = m_samples.last().epochSecond - m_windowSeconds + 1;
    int drop = 0;
    while (drop < m_samples.size() && m_samples.at(drop).epochSecond < cutoff)
        ++drop;
    if (drop == 0)
        return;
    beginRemoveRows({}, 0, drop - 1);
    m_samples.remove(0, drop);
    endRemoveRows();
}

} // namespace mccig::console
