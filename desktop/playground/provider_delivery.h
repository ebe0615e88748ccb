#pragma once

#include "backend/api_request.h"
#include "playground/delivery_format.h"
#include "playground/twilio_signature.h"

#include <QUrl>

#include <expected>

namespace mccig::console {

// Why a provider delivery was not built (and so not sent).
enum class DeliveryProblem {
    EmptySecret,
    StandardSecretWithoutPrefix,
    StandardSecretNotBase64,
    TwilioFieldsNotStrings, // the editor holds no JSON object of string fields
    BadPublicUrl,           // Twilio signs a URL: it must be http(s) with a host
};

// One delivery to sign, as the playground's fields hold it.
struct ProviderDelivery {
    DeliveryFormat format = DeliveryFormat::TwilioSms; // Gateway goes out unsigned, with an API key
    QString tenantId;
    QString channel;   // the route's channel (Standard Webhooks)
    QByteArray payload; // the editor's text: Twilio's fields as a JSON object, else the raw body
    QString secret;    // auth token, app secret or whsec_ secret, as the user typed it
    QUrl publicUrl;    // the gateway's base URL as the provider reaches it (Twilio signs it)
    qint64 timestamp = 0; // epoch seconds, for webhook-timestamp
};

// Twilio's form fields from the editor's JSON object of strings.
std::expected<QList<FormField>, DeliveryProblem> twilioFormFields(const QByteArray& payload);

// The request a provider would send for `delivery`: its route, body, content
// type and signature headers, signed as the provider signs (Twilio: form body
// and X-Twilio-Signature over publicUrl + path; WhatsApp: X-Hub-Signature-256
// over the raw body; Standard Webhooks: webhook-id, -timestamp, -signature).
// The webhook-id is derived from the body, so sending the same body again is
// the same message, as a sender's retry is. Pure; any thread.
std::expected<ApiRequest, DeliveryProblem> signedDelivery(const ProviderDelivery& delivery);

} // namespace mccig::console
