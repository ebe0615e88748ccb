#include "models/throttle_series_model.h"

#include <QDateTime>

namespace mccig::console {

ThrottleSeriesModel::ThrottleSeriesModel(QObject* parent) : TimeSeriesTableModel(parent) {}

int ThrottleSeriesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstTenantColumn + int(m_tenants.size());
}

void ThrottleSeriesModel::aboutToMerge(const QList<StatsPoint>& incoming)
{
    QStringList fresh;
    for (const StatsPoint& point : incoming) {
        for (auto it = point.tenantRateLimited.cbegin(); it != point.tenantRateLimited.cend(); ++it) {
            if (!m_tenants.contains(it.key()) && !fresh.contains(it.key()))
                fresh.append(it.key());
        }
    }
    if (fresh.isEmpty())
        return;
    fresh.sort();
    const int first = columnCount();
    beginInsertColumns({}, first, first + int(fresh.size()) - 1);
    m_tenants.append(fresh);
    endInsertColumns();
}

QVariant ThrottleSeriesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StatsPoint& point = pointAt(index.row());
    if (role == EpochSecondRole)
        return point.epochSecond;
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == TimeColumn)
        return QDateTime::fromSecsSinceEpoch(point.epochSecond);
    return point.tenantRateLimited.value(m_tenants.at(index.column() - FirstTenantColumn));
}

QVariant ThrottleSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == TimeColumn)
        return tr("Time");
    if (section >= FirstTenantColumn && section < columnCount())
        return m_tenants.at(section - FirstTenantColumn);
    return {};
}

qint64 ThrottleSeriesModel::totalFor(const QString& tenantId) const
{
    qint64 total = 0;
    for (int row = 0; row < rowCount(); ++row)
        total += pointAt(row).tenantRateLimited.value(tenantId);
    return total;
}

} // namespace mccig::console
