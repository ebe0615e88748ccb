#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>

namespace mccig::console {

// One playground send and its answer.
struct HistoryEntry {
    QDateTime sentAt;
    QString channel;
    QString tenantId;
    QString providerMessageId;
    QByteArray payload;
    int status = 0;
    qint64 elapsedMs = 0;
    QString responseHeaders; // "Name: value" lines
    QByteArray responseBody;
    QString format; // deliveryFormatKey(): empty for the gateway's own JSON

    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

// The Ingest Playground's history, newest first. It can be written to and
// read back from a JSON file so a QA engineer can keep a set of payloads.
class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ChannelColumn,
        TenantColumn,
        MessageIdColumn,
        StatusColumn,
        RoundTripColumn,
        ColumnCount,
    };
    enum Role {
        PayloadRole = Qt::UserRole,
        ResponseBodyRole,
        ResponseHeadersRole,
        StatusRole,
    };

    explicit HistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void prepend(const HistoryEntry& entry);
    const HistoryEntry& entryAt(int row) const { return m_entries.at(row); }
    void clear();

    std::expected<void, QString> saveToFile(const QString& path) const;
    // Replaces the history with the file's; on error the history is unchanged.
    std::expected<void, QString> loadFromFile(const QString& path);

    static constexpr int kMaxEntries = 500;

private:
    QList<HistoryEntry> m_entries;
};

} // namespace mccig::console
