#include "models/tenant_table_model.h"

namespace mccig::console {

TenantTableModel::TenantTableModel(QObject* parent) : TenantRowsModel(parent) {}

int TenantTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TenantTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TenantFigures& tenant = tenantAt(index.row());
    if (role == TenantIdRole)
        return tenant.tenantId;
    if (role == Qt::TextAlignmentRole)
        return index.column() == TenantColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case TenantColumn: return tenant.tenantId;
    case AcceptedColumn: return tenant.accepted;
    case DuplicateColumn: return tenant.duplicate;
    case RateLimitedColumn: return tenant.rateLimited;
    case InvalidColumn: return tenant.invalid;
    case AcceptedPerSecondColumn: return recentAt(index.row());
    default: return {};
    }
}

QVariant TenantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn: return tr("Tenant");
    case AcceptedColumn: return tr("Accepted");
    case DuplicateColumn: return tr("Duplicates");
    case RateLimitedColumn: return tr("Rate-limited");
    case InvalidColumn: return tr("Invalid");
    case AcceptedPerSecondColumn: return tr("Accepted/s");
    default: return {};
    }
}

} // namespace mccig::console
