#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace mccig::console {

// Why a Standard Webhooks secret cannot sign.
enum class StandardSecretProblem {
    MissingPrefix, // it does not start with "whsec_"
    NotBase64,     // what follows "whsec_" is empty or no base64
};

// The key bytes of a "whsec_<base64>" secret (standardwebhooks.com).
std::expected<QByteArray, StandardSecretProblem> standardWebhookKey(const QString& secret);

// The webhook-signature header for one key, as the specification's signers
// make it: "v1," and the Base64 HMAC-SHA256 of "id.timestamp.body".
// Pure; any thread.
QByteArray standardWebhookSignature(const QByteArray& key, const QByteArray& id, qint64 timestamp,
                                    const QByteArray& body);

} // namespace mccig::console
