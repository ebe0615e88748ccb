#include "playground/meta_signature.h"

#include <QMessageAuthenticationCode>

namespace mccig::console {

QByteArray metaSignature(const QString& appSecret, const QByteArray& body)
{
    return "sha256=" + QMessageAuthenticationCode::hash(body, appSecret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace mccig::console
