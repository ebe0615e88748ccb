#include "playground/provider_delivery.h"

#include "playground/meta_signature.h"
#include "playground/standard_webhook_signature.h"
#include "playground/twilio_signature.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace mccig::console {
namespace {

QByteArray formEncoded(const QList<FormField>& fields)
{
    QByteArrayList pairs;
    for (const FormField& field : fields)
        pairs.append(QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second));
    return pairs.join('&');
}

std::expected<ApiRequest, DeliveryProblem> signTwilio(const ProviderDelivery& delivery, ApiRequest request)
{
    const QUrl& base = delivery.publicUrl;
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")))
        return std::unexpected(DeliveryProblem::BadPublicUrl);
    const auto fields = twilioFormFields(delivery.payload);
    if (!fields)
        return std::unexpected(fields.error());
    // The URL exactly as the gateway rebuilds it: its public URL, then the
    // path. QUrl keeps the slash of a root path, which would be doubled.
    QString url = base.toString(QUrl::StripTrailingSlash);
    if (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    url += request.path;
    request.body = formEncoded(*fields);
    request.contentType = "application/x-www-form-urlencoded";
    request.headers.append({"X-Twilio-Signature", twilioSignature(delivery.secret, url, *fields)});
    return request;
}

std::expected<ApiRequest, DeliveryProblem> signStandard(const ProviderDelivery& delivery, ApiRequest request)
{
    const auto key = standardWebhookKey(delivery.secret);
    if (!key) {
        return std::unexpected(key.error() == StandardSecretProblem::MissingPrefix
                                   ? DeliveryProblem::StandardSecretWithoutPrefix
                                   : DeliveryProblem::StandardSecretNotBase64);
    }
    const QByteArray id =
        "msg_" + QCryptographicHash::hash(delivery.payload, QCryptographicHash::Sha256).toHex().left(32);
    request.headers.append({"webhook-id", id});
    request.headers.append({"webhook-timestamp", QByteArray::number(delivery.timestamp)});
    request.headers.append(
        {"webhook-signature", standardWebhookSignature(*key, id, delivery.timestamp, delivery.payload)});
    return request;
}

} // namespace

std::expected<QList<FormField>, DeliveryProblem> twilioFormFields(const QByteArray& payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isObject())
        return std::unexpected(DeliveryProblem::TwilioFieldsNotStrings);
    QList<FormField> fields;
    const QJsonObject object = document.object();
    for (auto field = object.begin(); field != object.end(); ++field) {
        if (!field.value().isString())
            return std::unexpected(DeliveryProblem::TwilioFieldsNotStrings);
        fields.append({field.key(), field.value().toString()});
    }
    return fields;
}

std::expected<ApiRequest, DeliveryProblem> signedDelivery(const ProviderDelivery& delivery)
{
    if (delivery.secret.isEmpty())
        return std::unexpected(DeliveryProblem::EmptySecret);
    ApiRequest request;
    request.method = "POST";
    request.path = deliveryPath(delivery.format, delivery.tenantId, delivery.channel);
    request.body = delivery.payload;
    switch (delivery.format) {
    case DeliveryFormat::TwilioSms:
    case DeliveryFormat::TwilioVoice: return signTwilio(delivery, request);
    case DeliveryFormat::StandardWebhooks: return signStandard(delivery, request);
    case DeliveryFormat::WhatsApp:
        request.headers.append({"X-Hub-Signature-256", metaSignature(delivery.secret, delivery.payload)});
        return request;
    case DeliveryFormat::Gateway: break;
    }
    return request;
}

} // namespace mccig::console
