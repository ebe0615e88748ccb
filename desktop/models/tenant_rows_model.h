#pragma once

#include "live/live_snapshot.h"

#include <QAbstractTableModel>

namespace mccig::console {

// Base of the per-tenant tables: one row per tenant, sorted by id. update()
// applies a fresh list with row inserts, removals and per-row changes, so a
// selection survives refreshes. `recent` is a per-tenant figure the
// subclass shows (accepted or 429s over the last seconds).
class TenantRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        TenantIdRole = Qt::UserRole,
        SortRole,
    };

    explicit TenantRowsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    void update(const QList<TenantFigures>& tenants, const QHash<QString, qint64>& recent);

    const TenantFigures& tenantAt(int row) const { return m_rows.at(row); }
    qint64 recentAt(int row) const { return m_recent.value(m_rows.at(row).tenantId); }
    int rowOf(const QString& tenantId) const;

private:
    void replaceRow(int row, const TenantFigures& tenant, bool recentChanged);

    QList<TenantFigures> m_rows;
    QHash<QString, qint64> m_recent;
};

} // namespace mccig::console
