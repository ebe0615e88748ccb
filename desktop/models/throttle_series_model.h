#pragma once

#include "models/time_series_table_model.h"

#include <QStringList>

namespace mccig::console {

// 429s per tenant per second: column 0 is the time, then one column per
// tenant, added (never removed) as tenants appear. The Rate Limit Monitor's
// chart maps every tenant column to a line.
class ThrottleSeriesModel final : public TimeSeriesTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        FirstTenantColumn,
    };

    explicit ThrottleSeriesModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QStringList& tenants() const { return m_tenants; }
    // Sum of a tenant's 429s over the rows held now.
    qint64 totalFor(const QString& tenantId) const;

protected:
    void aboutToMerge(const QList<StatsPoint>& incoming) override;

private:
    QStringList m_tenants;
};

} // namespace mccig::console
