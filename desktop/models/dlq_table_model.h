#pragma once

#include "backend/admin_json.h"

#include <QAbstractTableModel>

namespace mccig::console {

// Dead-lettered messages, filtered and paged: holds every entry the server
// returned, shows one page of those that pass the filter. Filter and page
// changes reset the model; removing one entry removes one row.
class DlqTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TenantColumn,
        ChannelColumn,
        IdColumn,
        AttemptsColumn,
        LastErrorColumn,
        FailedAtColumn,
        ColumnCount,
    };
    enum Role {
        EntryIdRole = Qt::UserRole,
        EntryJsonRole,
    };

    explicit DlqTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<DlqEntry>& entries);
    // Empty tenant/channel match all; `text` matches id, providerMessageId,
    // last error and the event's content, case-insensitively.
    void setFilter(const QString& tenantId, const QString& channel, const QString& text);
    void setPageSize(int rows);
    void setPage(int page);
    int page() const { return m_page; }
    int pageCount() const;
    int filteredCount() const { return int(m_filtered.size()); }
    int totalCount() const { return int(m_entries.size()); }
    QStringList tenants() const;

    const DlqEntry& entryAt(int row) const;
    QStringList filteredIds() const;
    void removeEntry(const QString& id);

signals:
    void pagingChanged();

private:
    bool passes(const DlqEntry& entry) const;
    void refilter();
    int pageStart() const { return m_page * m_pageSize; }

    QList<DlqEntry> m_entries;
    QList<int> m_filtered; // indexes into m_entries
    QString m_tenant;
    QString m_channel;
    QString m_text;
    int m_pageSize = 50;
    int m_page = 0;
};

} // namespace mccig::console
