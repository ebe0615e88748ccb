#pragma once

#include <QAbstractTableModel>

#include <array>

namespace mccig::console {

// Replay Verification's live tally: how many sends answered 202, 200 or
// anything else, with the fastest and slowest round trip of each.
class ReplayOutcomeModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        OutcomeColumn,
        CountColumn,
        FastestColumn,
        SlowestColumn,
        ColumnCount,
    };
    enum Row {
        AcceptedRow,
        DuplicateRow,
        OtherRow,
        RowCount,
    };
    enum Role {
        CountRole = Qt::UserRole,
    };

    explicit ReplayOutcomeModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void record(int status, qint64 elapsedMs);
    void reset();
    qint64 count(Row row) const { return m_tallies[std::size_t(row)].count; }
    qint64 total() const;

    static Row rowFor(int status);

private:
    struct Tally {
        qint64 count = 0;
        qint64 fastestMs = 0;
        qint64 slowestMs = 0;
    };
    std::array<Tally, RowCount> m_tallies{};
};

} // namespace mccig::console
