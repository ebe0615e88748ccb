#include "playground/twilio_signature.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace mccig::console {

QByteArray twilioSignature(const QString& authToken, const QString& url, const QList<FormField>& fields)
{
    QList<FormField> sorted = fields;
    // Twilio's libraries sort the names by code unit, as QString's < does.
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const FormField& a, const FormField& b) { return a.first < b.first; });
    QByteArray data = url.toUtf8();
    for (const FormField& field : std::as_const(sorted))
        data += field.first.toUtf8() + field.second.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken.toUtf8(), QCryptographicHash::Sha1).toBase64();
}

} // namespace mccig::console
