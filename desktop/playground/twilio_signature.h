#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mccig::console {

// One form field of a Twilio delivery, in the order the form holds it.
using FormField = QPair<QString, QString>;

// X-Twilio-Signature as Twilio computes it: Base64 of HMAC-SHA1, keyed with
// the account's auth token, over `url` (exactly as requested, query included)
// followed by every field's name and value, sorted by name. Pure; any thread.
QByteArray twilioSignature(const QString& authToken, const QString& url, const QList<FormField>& fields);

} // namespace mccig::console
