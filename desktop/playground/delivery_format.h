#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mccig::console {

// What the Ingest Playground sends: the gateway's own JSON (/v1/ingest), or
// a delivery shaped and signed as a provider makes it (docs/api.md §6).
enum class DeliveryFormat {
    Gateway,
    TwilioSms,
    TwilioVoice,
    WhatsApp,
    StandardWebhooks,
};

QList<DeliveryFormat> deliveryFormats();
// A stable name for files ("twilio-sms"); empty for Gateway, which history
// files written before provider deliveries existed leave out.
QString deliveryFormatKey(DeliveryFormat format);
std::optional<DeliveryFormat> deliveryFormatFromKey(const QString& key);
// The channel a provider's route stores into; nullopt when the user picks
// it (Gateway, Standard Webhooks).
std::optional<QString> fixedChannel(DeliveryFormat format);
// The route a delivery goes to ("/v1/webhooks/twilio/acme/sms").
QString deliveryPath(DeliveryFormat format, const QString& tenantId, const QString& channel);
// A provider-shaped sample with fresh message ids, pretty-printed JSON:
// Twilio's form fields as a JSON object of strings (the fields posted), a
// WhatsApp Cloud API batch, or the channel's gateway body for Gateway and
// Standard Webhooks. Empty for an unknown channel.
QByteArray deliverySample(DeliveryFormat format, const QString& channel);
// `payload` with fresh message ids where the format keeps them (Twilio's
// MessageSid/SmsSid/SmsMessageSid or CallSid, each WhatsApp wamid, the
// providerMessageId of a gateway body); the rest of the text as it was.
QByteArray withFreshMessageIds(DeliveryFormat format, const QByteArray& payload);
// The id the history shows: MessageSid or CallSid, the first wamid, or the
// providerMessageId; empty when there is none.
QString deliveryMessageId(DeliveryFormat format, const QByteArray& payload);

} // namespace mccig::console
