#include "models/burst_series_model.h"

#include "models/figure_colors.h"

namespace mccig::console {

BurstSeriesModel::BurstSeriesModel(QObject* parent) : QAbstractTableModel(parent) {}

int BurstSeriesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_seconds.size()); }

int BurstSeriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BurstSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const Bucket& bucket = m_seconds.at(index.row());
    switch (index.column()) {
    case SecondColumn: return index.row();
    case AcceptedColumn: return bucket.accepted;
    case ThrottledColumn: return bucket.throttled;
    case OtherColumn: return bucket.other;
    default: return {};
    }
}

QVariant BurstSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DecorationRole) {
        switch (section) {
        case AcceptedColumn: return figureColor(Figure::Accepted);
        case ThrottledColumn: return figureColor(Figure::RateLimited);
        case OtherColumn: return otherAnswerColor();
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SecondColumn: return tr("Second");
    case AcceptedColumn: return tr("Accepted");
    case ThrottledColumn: return tr("Throttled");
    case OtherColumn: return tr("Other");
    default: return {};
    }
}

void BurstSeriesModel::record(int second, int status)
{
    if (second < 0)
        return;
    if (second >= m_seconds.size()) {
        beginInsertRows({}, int(m_seconds.size()), second);
        m_seconds.resize(second + 1);
        endInsertRows();
    }
    Bucket& bucket = m_seconds[second];
    Column column = OtherColumn;
    if (status == 202 || status == 200) {
        ++bucket.accepted;
        column = AcceptedColumn;
    } else if (status == 429) {
        ++bucket.throttled;
        column = ThrottledColumn;
    } else {
        ++bucket.other;
    }
    emit dataChanged(index(second, column), index(second, column));
}

void BurstSeriesModel::reset()
{
    beginResetModel();
    m_seconds.clear();
    endResetModel();
}

qint64 BurstSeriesModel::total(Column column) const
{
    qint64 sum = 0;
    for (const Bucket& bucket : m_seconds) {
        sum += column == AcceptedColumn ? bucket.accepted : column == ThrottledColumn ? bucket.throttled : bucket.other;
    }
    return sum;
}

} // namespace mccig::console
