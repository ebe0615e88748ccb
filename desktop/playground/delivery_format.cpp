#include "playground/delivery_format.h"

#include "playground/payload_templates.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace mccig::console {
namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// A Twilio SID: two letters and 32 hex digits ("SM1f0e…").
QString freshSid(const QString& prefix) { return prefix + QString::fromLatin1(randomBytes(16).toHex()); }

// A wamid as WhatsApp writes them: base64 that may end in "=", which the
// gateway rewrites (":3D"), so the sample exercises that mapping.
QString freshWamid() { return QStringLiteral("wamid.") + QString::fromLatin1(randomBytes(31).toBase64()); }

QString stringField(const QString& name)
{
    return QStringLiteral(R"("%1"\s*:\s*"(?:[^"\\]|\\.)*")").arg(name);
}

// Sets every "name": "…" of `names` to `value`; edits the text rather than
// re-serializing, so the author's layout stays.
QByteArray withFields(const QByteArray& payload, const QStringList& names, const QString& value)
{
    QString text = QString::fromUtf8(payload);
    for (const QString& name : names)
        text.replace(QRegularExpression(stringField(name)), QStringLiteral("\"%1\": \"%2\"").arg(name, value));
    return text.toUtf8();
}

QByteArray withFreshWamids(const QByteArray& payload)
{
    static const QRegularExpression kWamid(QStringLiteral(R"("id"\s*:\s*"wamid\.(?:[^"\\]|\\.)*")"));
    const QString text = QString::fromUtf8(payload);
    QString result;
    qsizetype copied = 0;
    for (auto matches = kWamid.globalMatch(text); matches.hasNext();) {
        const QRegularExpressionMatch match = matches.next();
        result += text.mid(copied, match.capturedStart() - copied);
        result += QStringLiteral("\"id\": \"%1\"").arg(freshWamid());
        copied = match.capturedEnd();
    }
    return (result + text.mid(copied)).toUtf8();
}

QByteArray resourceSample(const QString& name)
{
    QFile file(QStringLiteral(":/desktop/templates/%1.json").arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QList<DeliveryFormat> deliveryFormats()
{
    return {DeliveryFormat::Gateway, DeliveryFormat::TwilioSms, DeliveryFormat::TwilioVoice, DeliveryFormat::WhatsApp,
            DeliveryFormat::StandardWebhooks};
}

QString deliveryFormatKey(DeliveryFormat format)
{
    switch (format) {
    case DeliveryFormat::Gateway: return {};
    case DeliveryFormat::TwilioSms: return QStringLiteral("twilio-sms");
    case DeliveryFormat::TwilioVoice: return QStringLiteral("twilio-voice");
    case DeliveryFormat::WhatsApp: return QStringLiteral("whatsapp");
    case DeliveryFormat::StandardWebhooks: return QStringLiteral("standard");
    }
    return {};
}

std::optional<DeliveryFormat> deliveryFormatFromKey(const QString& key)
{
    for (const DeliveryFormat format : deliveryFormats()) {
        if (deliveryFormatKey(format) == key)
            return format;
    }
    return std::nullopt;
}

std::optional<QString> fixedChannel(DeliveryFormat format)
{
    switch (format) {
    case DeliveryFormat::TwilioSms: return QStringLiteral("sms");
    case DeliveryFormat::TwilioVoice: return QStringLiteral("voice");
    case DeliveryFormat::WhatsApp: return QStringLiteral("chat");
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: return std::nullopt;
    }
    return std::nullopt;
}

QString deliveryPath(DeliveryFormat format, const QString& tenantId, const QString& channel)
{
    switch (format) {
    case DeliveryFormat::Gateway: return QStringLiteral("/v1/ingest/%1").arg(channel);
    case DeliveryFormat::TwilioSms: return QStringLiteral("/v1/webhooks/twilio/%1/sms").arg(tenantId);
    case DeliveryFormat::TwilioVoice: return QStringLiteral("/v1/webhooks/twilio/%1/voice").arg(tenantId);
    case DeliveryFormat::WhatsApp: return QStringLiteral("/v1/webhooks/whatsapp/%1").arg(tenantId);
    case DeliveryFormat::StandardWebhooks: return QStringLiteral("/v1/webhooks/standard/%1/%2").arg(tenantId, channel);
    }
    return {};
}

QByteArray deliverySample(DeliveryFormat format, const QString& channel)
{
    switch (format) {
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: return payloadTemplate(channel);
    case DeliveryFormat::TwilioSms:
    case DeliveryFormat::TwilioVoice:
    case DeliveryFormat::WhatsApp: return withFreshMessageIds(format, resourceSample(deliveryFormatKey(format)));
    }
    return {};
}

QByteArray withFreshMessageIds(DeliveryFormat format, const QByteArray& payload)
{
    switch (format) {
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: return withProviderMessageId(payload, freshProviderMessageId());
    case DeliveryFormat::TwilioSms:
        return withFields(payload,
                          {QStringLiteral("MessageSid"), QStringLiteral("SmsSid"), QStringLiteral("SmsMessageSid")},
                          freshSid(QStringLiteral("SM")));
    case DeliveryFormat::TwilioVoice:
        return withFields(withFields(payload, {QStringLiteral("CallSid")}, freshSid(QStringLiteral("CA"))),
                          {QStringLiteral("TranscriptionSid")}, freshSid(QStringLiteral("TR")));
    case DeliveryFormat::WhatsApp: return withFreshWamids(payload);
    }
    return payload;
}

QString deliveryMessageId(DeliveryFormat format, const QByteArray& payload)
{
    switch (format) {
    case DeliveryFormat::Gateway:
    case DeliveryFormat::StandardWebhooks: return providerMessageIdOf(payload);
    case DeliveryFormat::TwilioSms:
    case DeliveryFormat::TwilioVoice: {
        const QJsonObject fields = QJsonDocument::fromJson(payload).object();
        const QString sid = fields.value(QLatin1String("MessageSid")).toString();
        return sid.isEmpty() ? fields.value(QLatin1String("CallSid")).toString() : sid;
    }
    case DeliveryFormat::WhatsApp: {
        static const QRegularExpression kWamid(QStringLiteral(R"re("id"\s*:\s*"(wamid\.[^"\\]*)")re"));
        return kWamid.match(QString::fromUtf8(payload)).captured(1);
    }
    }
    return {};
}

} // namespace mccig::console
