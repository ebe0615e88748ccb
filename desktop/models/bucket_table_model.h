#pragma once

#include "models/tenant_rows_model.h"

namespace mccig::console {

// The Rate Limit Monitor's table: every tenant's token bucket as last read,
// and its 429s over the last minute. A tenant is "throttled" while its bucket
// holds less than one token (the next request would be refused).
class BucketTableModel final : public TenantRowsModel {
    Q_OBJECT
public:
    enum Column {
        TenantColumn,
        TokensColumn,
        CapacityColumn,
        RefillColumn,
        FillColumn,
        RecentThrottledColumn,
        TotalThrottledColumn,
        StateColumn,
        ColumnCount,
    };
    enum Role {
        ThrottledRole = SortRole + 1,
        FillRatioRole,
    };

    explicit BucketTableModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isThrottled(int row) const;

private:
    QVariant displayData(const TenantFigures& tenant, int row, int column) const;
};

} // namespace mccig::console
