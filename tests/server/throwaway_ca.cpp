#include "throwaway_ca.h"

#include <QFile>
#include <QProcess>

namespace mccig::test {
namespace {

const QStringList kNewKey{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"};
const QString kServerExtensions = QStringLiteral("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                                                 "basicConstraints=CA:FALSE\n");
const QString kClientExtensions = QStringLiteral("extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

bool runOpenSsl(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("openssl %s failed: %s %s", qPrintable(arguments.join(' ')), qPrintable(process.errorString()),
                 process.readAll().constData());
        return false;
    }
    return true;
}

ThrowawayCa::ThrowawayCa(const QString& directory, const QString& name)
    : m_directory(directory)
    , m_name(name)
    , m_root{directory + "/" + name + "-ca.crt", directory + "/" + name + "-ca.key"}
{
    m_valid = runOpenSsl(QStringList{"req", "-x509"} + kNewKey
                         + QStringList{"-keyout", m_root.keyFile, "-out", m_root.certificateFile, "-subj",
                                       "/CN=" + name + " test CA", "-days", "2"});
}

IssuedCertificate ThrowawayCa::issueServer(const QString& commonName, const QString& serialHex) const
{
    return issue(commonName, serialHex, kServerExtensions);
}

IssuedCertificate ThrowawayCa::issueClient(const QString& commonName) const
{
    return issue(commonName, QStringLiteral("C1"), kClientExtensions);
}

IssuedCertificate ThrowawayCa::issue(const QString& commonName, const QString& serialHex,
                                     const QString& extensions) const
{
    const QString base = m_directory + "/" + m_name + "-" + commonName + "-" + serialHex;
    const IssuedCertificate issued{base + ".crt", base + ".key"};
    const bool made = m_valid && writeText(base + ".ext", extensions)
                      && runOpenSsl(QStringList{"req", "-new"} + kNewKey
                                    + QStringList{"-keyout", issued.keyFile, "-out", base + ".csr", "-subj",
                                                  "/CN=" + commonName})
                      && runOpenSsl({"x509", "-req", "-in", base + ".csr", "-CA", m_root.certificateFile, "-CAkey",
                                     m_root.keyFile, "-set_serial", "0x" + serialHex, "-days", "2", "-extfile",
                                     base + ".ext", "-out", issued.certificateFile});
    return made ? issued : IssuedCertificate{};
}

} // namespace mccig::test
