#pragma once

#include <QByteArray>
#include <QString>

namespace mccig::console {

// X-Hub-Signature-256 as Meta computes it for a WhatsApp Cloud API delivery:
// "sha256=" and the lowercase hex HMAC-SHA256 of the raw body, keyed with
// the app secret. Pure; any thread.
QByteArray metaSignature(const QString& appSecret, const QByteArray& body);

} // namespace mccig::console
