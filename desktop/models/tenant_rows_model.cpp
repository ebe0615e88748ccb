#include "models/tenant_rows_model.h"

#include <algorithm>

namespace mccig::console {
namespace {

bool sameFigures(const TenantFigures& a, const TenantFigures& b)
{
    return a.accepted == b.accepted && a.duplicate == b.duplicate && a.rateLimited == b.rateLimited
           && a.invalid == b.invalid && a.bucketKnown == b.bucketKnown && a.capacity == b.capacity
           && a.refillPerSecond == b.refillPerSecond && a.tokens == b.tokens;
}

} // namespace

TenantRowsModel::TenantRowsModel(QObject* parent) : QAbstractTableModel(parent) {}

int TenantRowsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int TenantRowsModel::rowOf(const QString& tenantId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tenantId == tenantId)
            return row;
    }
    return -1;
}

void TenantRowsModel::replaceRow(int row, const TenantFigures& tenant, bool recentChanged)
{
    if (!recentChanged && sameFigures(m_rows.at(row), tenant))
        return;
    m_rows[row] = tenant;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void TenantRowsModel::update(const QList<TenantFigures>& incoming, const QHash<QString, qint64>& recent)
{
    QList<TenantFigures> sorted = incoming;
    std::sort(sorted.begin(), sorted.end(),
              [](const TenantFigures& a, const TenantFigures& b) { return a.tenantId < b.tenantId; });
    const QHash<QString, qint64> previousRecent = m_recent;
    m_recent = recent;
    int row = 0;
    for (const TenantFigures& tenant : sorted) {
        while (row < m_rows.size() && m_rows.at(row).tenantId < tenant.tenantId) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        if (row < m_rows.size() && m_rows.at(row).tenantId == tenant.tenantId) {
            replaceRow(row, tenant, previousRecent.value(tenant.tenantId) != recent.value(tenant.tenantId));
        } else {
            beginInsertRows({}, row, row);
            m_rows.insert(row, tenant);
            endInsertRows();
        }
        ++row;
    }
    if (row < m_rows.size()) {
        beginRemoveRows({}, row, int(m_rows.size()) - 1);
        m_rows.remove(row, m_rows.size() - row);
        endRemoveRows();
    }
}

} // namespace mccig::console
