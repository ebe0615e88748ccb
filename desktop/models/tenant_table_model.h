#pragma once

#include "models/tenant_rows_model.h"

namespace mccig::console {

// The Dashboard's per-tenant table: running totals and the accepted rate.
class TenantTableModel final : public TenantRowsModel {
    Q_OBJECT
public:
    enum Column {
        TenantColumn,
        AcceptedColumn,
        DuplicateColumn,
        RateLimitedColumn,
        InvalidColumn,
        AcceptedPerSecondColumn,
        ColumnCount,
    };

    explicit TenantTableModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace mccig::console
