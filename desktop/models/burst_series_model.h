#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace mccig::console {

// A burst test's answers per elapsed second: accepted (202/200), throttled
// (429) and other. The burst chart maps the same columns.
class BurstSeriesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SecondColumn,
        AcceptedColumn,
        ThrottledColumn,
        OtherColumn,
        ColumnCount,
    };

    explicit BurstSeriesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One answer, `second` counted from the burst's start (0-based).
    void record(int second, int status);
    void reset();
    qint64 total(Column column) const;

private:
    struct Bucket {
        qint64 accepted = 0;
        qint64 throttled = 0;
        qint64 other = 0;
    };
    QList<Bucket> m_seconds;
};

} // namespace mccig::console
