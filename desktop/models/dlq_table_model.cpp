#include "models/dlq_table_model.h"

#include <QJsonDocument>

#include <algorithm>

namespace mccig::console {

DlqTableModel::DlqTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int DlqTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return std::clamp(int(m_filtered.size()) - pageStart(), 0, m_pageSize);
}

int DlqTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const DlqEntry& DlqTableModel::entryAt(int row) const { return m_entries.at(m_filtered.at(pageStart() + row)); }

QVariant DlqTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DlqEntry& entry = entryAt(index.row());
    switch (role) {
    case EntryIdRole: return entry.id;
    case EntryJsonRole: return QString::fromUtf8(QJsonDocument(entry.raw).toJson(QJsonDocument::Indented));
    case Qt::ToolTipRole: return index.column() == LastErrorColumn ? QVariant(entry.lastError) : QVariant();
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case TenantColumn: return entry.tenantId;
    case ChannelColumn: return entry.channel;
    case IdColumn: return entry.id;
    case AttemptsColumn: return entry.attempts;
    case LastErrorColumn: return entry.lastError;
    // ISO 8601 with seconds in every language: failures seconds apart must not look alike.
    case FailedAtColumn: return entry.failedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    default: return {};
    }
}

QVariant DlqTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TenantColumn: return tr("Tenant");
    case ChannelColumn: return tr("Channel");
    case IdColumn: return tr("Event id");
    case AttemptsColumn: return tr("Attempts");
    case LastErrorColumn: return tr("Last error");
    case FailedAtColumn: return tr("Failed at");
    default: return {};
    }
}

bool DlqTableModel::passes(const DlqEntry& entry) const
{
    if (!m_tenant.isEmpty() && entry.tenantId != m_tenant)
        return false;
    if (!m_channel.isEmpty() && entry.channel != m_channel)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString content = entry.raw.value(QLatin1String("event")).toObject().value(QLatin1String("content")).toString();
    for (const QString& field : {entry.id, entry.providerMessageId, entry.lastError, content}) {
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void DlqTableModel::refilter()
{
    beginResetModel();
    m_filtered.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        if (passes(m_entries.at(i)))
            m_filtered.append(i);
    }
    m_page = std::clamp(m_page, 0, qMax(0, pageCount() - 1));
    endResetModel();
    emit pagingChanged();
}

void DlqTableModel::setEntries(const QList<DlqEntry>& entries)
{
    m_entries = entries;
    refilter();
}

void DlqTableModel::setFilter(const QString& tenantId, const QString& channel, const QString& text)
{
    m_tenant = tenantId;
    m_channel = channel;
    m_text = text.trimmed();
    m_page = 0;
    refilter();
}

void DlqTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
    m_page = 0;
    refilter();
}

void DlqTableModel::setPage(int page)
{
    const int bounded = std::clamp(page, 0, qMax(0, pageCount() - 1));
    if (bounded == m_page)
        return;
    beginResetModel();
    m_page = bounded;
    endResetModel();
    emit pagingChanged();
}

int DlqTableModel::pageCount() const { return qMax(1, int((m_filtered.size() + m_pageSize - 1) / m_pageSize)); }

QStringList DlqTableModel::tenants() const
{
    QStringList ids;
    for (const DlqEntry& entry : m_entries) {
        if (!ids.contains(entry.tenantId))
            ids.append(entry.tenantId);
    }
    ids.sort();
    return ids;
}

QStringList DlqTableModel::filteredIds() const
{
    QStringList ids;
    for (int index : m_filtered)
        ids.append(m_entries.at(index).id);
    return ids;
}

void DlqTableModel::removeEntry(const QString& id)
{
    const auto at = std::find_if(m_entries.cbegin(), m_entries.cend(), [&id](const DlqEntry& e) { return e.id == id; });
    if (at == m_entries.cend())
        return;
    const int entryIndex = int(at - m_entries.cbegin());
    const int filteredPosition = int(m_filtered.indexOf(entryIndex));
    const int row = filteredPosition - pageStart();
    const bool onPage = filteredPosition >= 0 && row >= 0 && row < rowCount();
    // Rows after the page shift onto it, so only a last-page removal is a
    // single-row change; anything else re-pages.
    if (onPage && pageStart() + m_pageSize >= m_filtered.size()) {
        beginRemoveRows({}, row, row);
        m_entries.removeAt(entryIndex);
        m_filtered.removeAt(filteredPosition);
        for (int& index : m_filtered) {
            if (index > entryIndex)
                --index;
        }
        endRemoveRows();
        emit pagingChanged();
        return;
    }
    m_entries.removeAt(entryIndex);
    refilter();
}

} // namespace mccig::console
