#include "models/bucket_table_model.h"

#include <QBrush>
#include <QColor>

namespace mccig::console {

BucketTableModel::BucketTableModel(QObject* parent) : TenantRowsModel(parent) {}

int BucketTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool BucketTableModel::isThrottled(int row) const
{
    const TenantFigures& tenant = tenantAt(row);
    return tenant.bucketKnown && tenant.tokens < 1.0;
}

QVariant BucketTableModel::displayData(const TenantFigures& tenant, int row, int column) const
{
    const bool known = tenant.bucketKnown;
    switch (column) {
    case TenantColumn: return tenant.tenantId;
    case TokensColumn: return known ? QVariant(QString::number(tenant.tokens, 'f', 1)) : QVariant(tr("full"));
    case CapacityColumn: return known ? QVariant(tenant.capacity) : QVariant();
    case RefillColumn: return known ? QVariant(tr("%1/s").arg(tenant.refillPerSecond)) : QVariant();
    case FillColumn:
        return known ? QVariant(tr("%1 %").arg(qRound(100.0 * tenant.tokens / tenant.capacity))) : QVariant(tr("100 %"));
    case RecentThrottledColumn: return recentAt(row);
    case TotalThrottledColumn: return tenant.rateLimited;
    case StateColumn: return isThrottled(row) ? tr("throttled") : tr("ok");
    default: return {};
    }
}

QVariant BucketTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TenantFigures& tenant = tenantAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(tenant, index.row(), index.column());
    case TenantIdRole: return tenant.tenantId;
    case ThrottledRole: return isThrottled(index.row());
    case FillRatioRole: return tenant.bucketKnown && tenant.capacity > 0 ? tenant.tokens / tenant.capacity : 1.0;
    case Qt::ForegroundRole:
        return index.column() == StateColumn && isThrottled(index.row()) ? QVariant(QBrush(QColor(0xd3, 0x2f, 0x2f)))
                                                                          : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == TenantColumn || index.column() == StateColumn
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant BucketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn: return tr("Tenant");
    case TokensColumn: return tr("Tokens");
    case CapacityColumn: return tr("Capacity");
    case RefillColumn: return tr("Refill");
    case FillColumn: return tr("Fill");
    case RecentThrottledColumn: return tr("429s (60 s)");
    case TotalThrottledColumn: return tr("429s total");
    case StateColumn: return tr("State");
    default: return {};
    }
}

} // namespace mccig::console
