#include "playground/standard_webhook_signature.h"

#include <QMessageAuthenticationCode>

namespace mccig::console {

std::expected<QByteArray, StandardSecretProblem> standardWebhookKey(const QString& secret)
{
    static const QString kPrefix = QStringLiteral("whsec_");
    if (!secret.startsWith(kPrefix))
        return std::unexpected(StandardSecretProblem::MissingPrefix);
    const auto decoded = QByteArray::fromBase64Encoding(secret.mid(kPrefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::unexpected(StandardSecretProblem::NotBase64);
    return decoded.decoded;
}

QByteArray standardWebhookSignature(const QByteArray& key, const QByteArray& id, qint64 timestamp,
                                    const QByteArray& body)
{
    const QByteArray signedContent = id + '.' + QByteArray::number(timestamp) + '.' + body;
    return "v1," + QMessageAuthenticationCode::hash(signedContent, key, QCryptographicHash::Sha256).toBase64();
}

} // namespace mccig::console
