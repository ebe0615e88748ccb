#include "playground/payload_templates.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace mccig::console {

QStringList channelNames() { return {QStringLiteral("sms"), QStringLiteral("chat"), QStringLiteral("voice")}; }

QByteArray payloadTemplate(const QString& channel)
{
    if (!channelNames().contains(channel))
        return {};
    QFile file(QStringLiteral(":/desktop/templates/%1.json").arg(channel));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return withProviderMessageId(file.readAll(), freshProviderMessageId());
}

QString freshProviderMessageId()
{
    return QStringLiteral("pg-%1-%2")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QRandomGenerator::global()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

QByteArray withProviderMessageId(const QByteArray& payload, const QString& id)
{
    if (!QJsonDocument::fromJson(payload).isObject())
        return payload;
    // Edits the text rather than re-serializing, which would sort the keys
    // and lose the author's layout.
    static const QRegularExpression kField(QStringLiteral(R"("providerMessageId"\s*:\s*"(?:[^"\\]|\\.)*")"));
    const QString replacement = QStringLiteral("\"providerMessageId\": \"%1\"").arg(id);
    QString text = QString::fromUtf8(payload);
    if (text.contains(kField))
        return text.replace(kField, replacement).toUtf8();
    const qsizetype brace = text.indexOf(QLatin1Char('{'));
    return text.insert(brace + 1, QStringLiteral("\n  ") + replacement + QLatin1Char(',')).toUtf8();
}

QString providerMessageIdOf(const QByteArray& payload)
{
    return QJsonDocument::fromJson(payload).object().value(QLatin1String("providerMessageId")).toString();
}

} // namespace mccig::console
