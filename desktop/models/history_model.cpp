#include "models/history_model.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace mccig::console {
namespace {

constexpr auto kFormat = "mccig-playground-history";

QJsonObject toJson(const HistoryEntry& entry)
{
    return QJsonObject{
        {QStringLiteral("sentAt"), entry.sentAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("channel"), entry.channel},
        {QStringLiteral("tenantId"), entry.tenantId},
        {QStringLiteral("providerMessageId"), entry.providerMessageId},
        {QStringLiteral("payload"), QString::fromUtf8(entry.payload)},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("elapsedMs"), entry.elapsedMs},
        {QStringLiteral("responseHeaders"), entry.responseHeaders},
        {QStringLiteral("responseBody"), QString::fromUtf8(entry.responseBody)},
        {QStringLiteral("format"), entry.format},
    };
}

std::optional<HistoryEntry> fromJson(const QJsonObject& object)
{
    HistoryEntry entry;
    entry.sentAt = QDateTime::fromString(object.value(QLatin1String("sentAt")).toString(), Qt::ISODateWithMs);
    entry.channel = object.value(QLatin1String("channel")).toString();
    entry.payload = object.value(QLatin1String("payload")).toString().toUtf8();
    if (!entry.sentAt.isValid() || entry.channel.isEmpty() || entry.payload.isEmpty())
        return std::nullopt;
    entry.tenantId = object.value(QLatin1String("tenantId")).toString();
    entry.format = object.value(QLatin1String("format")).toString();
    entry.providerMessageId = object.value(QLatin1String("providerMessageId")).toString();
    entry.status = object.value(QLatin1String("status")).toInt();
    entry.elapsedMs = qint64(object.value(QLatin1String("elapsedMs")).toDouble());
    entry.responseHeaders = object.value(QLatin1String("responseHeaders")).toString();
    entry.responseBody = object.value(QLatin1String("responseBody")).toString().toUtf8();
    return entry;
}

} // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int HistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HistoryEntry& entry = m_entries.at(index.row());
    switch (role) {
    case PayloadRole: return entry.payload;
    case ResponseBodyRole: return entry.responseBody;
    case ResponseHeadersRole: return entry.responseHeaders;
    case StatusRole: return entry.status;
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case TimeColumn: return QLocale().toString(entry.sentAt.toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz"));
    case ChannelColumn: return entry.format.isEmpty() ? entry.channel : tr("%1 (%2)").arg(entry.channel, entry.format);
    case TenantColumn: return entry.tenantId;
    case MessageIdColumn: return entry.providerMessageId;
    case StatusColumn: return entry.status == 0 ? tr("no answer") : QString::number(entry.status);
    case RoundTripColumn: return tr("%1 ms").arg(entry.elapsedMs);
    default: return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Sent");
    case ChannelColumn: return tr("Channel");
    case TenantColumn: return tr("Tenant");
    case MessageIdColumn: return tr("Message id");
    case StatusColumn: return tr("Status");
    case RoundTripColumn: return tr("Round trip");
    default: return {};
    }
}

void HistoryModel::prepend(const HistoryEntry& entry)
{
    if (m_entries.size() >= kMaxEntries) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
}

void HistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

std::expected<void, QString> HistoryModel::saveToFile(const QString& path) const
{
    QJsonArray items;
    for (const HistoryEntry& entry : m_entries)
        items.append(toJson(entry));
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)}, {QStringLiteral("items"), items}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return std::unexpected(file.errorString());
    return {};
}

std::expected<void, QString> HistoryModel::loadFromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(tr("not JSON: %1").arg(error.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return std::unexpected(tr("not a playground history file"));
    QList<HistoryEntry> entries;
    for (const QJsonValue& value : root.value(QLatin1String("items")).toArray()) {
        auto entry = fromJson(value.toObject());
        if (!entry)
            return std::unexpected(tr("entry %1 is incomplete").arg(entries.size() + 1));
        entries.append(*entry);
    }
    beginResetModel();
    m_entries = entries.mid(0, kMaxEntries);
    endResetModel();
    return {};
}

} // namespace mccig::console
