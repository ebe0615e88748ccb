#include "backend/tls_configuration.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>

namespace mccig::console {
namespace {

struct TlsText {
    Q_DECLARE_TR_FUNCTIONS(TlsConfiguration)
};

} // namespace

std::expected<QSslConfiguration, QString> tlsConfigurationFor(const ConnectionProfile& profile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const QString path = profile.caCertificateFile.trimmed();
    if (path.isEmpty())
        return configuration;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(TlsText::tr("Cannot read the CA certificate file %1: %2").arg(path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromDevice(&file, QSsl::Pem);
    if (certificates.isEmpty())
        return std::unexpected(TlsText::tr("The CA certificate file %1 holds no PEM certificate").arg(path));
    configuration.addCaCertificates(certificates);
    return configuration;
}

} // namespace mccig::console
