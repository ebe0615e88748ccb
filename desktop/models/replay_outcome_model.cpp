#include "models/replay_outcome_model.h"

namespace mccig::console {

ReplayOutcomeModel::ReplayOutcomeModel(QObject* parent) : QAbstractTableModel(parent) {}

int ReplayOutcomeModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : RowCount; }

int ReplayOutcomeModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

ReplayOutcomeModel::Row ReplayOutcomeModel::rowFor(int status)
{
    if (status == 202)
        return AcceptedRow;
    if (status == 200)
        return DuplicateRow;
    return OtherRow;
}

QVariant ReplayOutcomeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Tally& tally = m_tallies[std::size_t(index.row())];
    if (role == CountRole)
        return tally.count;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OutcomeColumn:
        return index.row() == AcceptedRow    ? tr("202 accepted")
               : index.row() == DuplicateRow ? tr("200 duplicate")
                                             : tr("other");
    case CountColumn: return tally.count;
    case FastestColumn: return tally.count == 0 ? QVariant() : QVariant(tr("%1 ms").arg(tally.fastestMs));
    case SlowestColumn: return tally.count == 0 ? QVariant() : QVariant(tr("%1 ms").arg(tally.slowestMs));
    default: return {};
    }
}

QVariant ReplayOutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn: return tr("Outcome");
    case CountColumn: return tr("Count");
    case FastestColumn: return tr("Fastest");
    case SlowestColumn: return tr("Slowest");
    default: return {};
    }
}

void ReplayOutcomeModel::record(int status, qint64 elapsedMs)
{
    const Row row = rowFor(status);
    Tally& tally = m_tallies[std::size_t(row)];
    tally.fastestMs = tally.count == 0 ? elapsedMs : qMin(tally.fastestMs, elapsedMs);
    tally.slowestMs = qMax(tally.slowestMs, elapsedMs);
    ++tally.count;
    emit dataChanged(index(row, CountColumn), index(row, SlowestColumn));
}

void ReplayOutcomeModel::reset()
{
    m_tallies = {};
    emit dataChanged(index(0, CountColumn), index(RowCount - 1, SlowestColumn));
}

qint64 ReplayOutcomeModel::total() const
{
    qint64 sum = 0;
    for (const Tally& tally : m_tallies)
        sum += tally.count;
    return sum;
}

} // namespace mccig::console
