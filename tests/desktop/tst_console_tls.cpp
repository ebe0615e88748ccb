// The console over https://: a profile's CA certificate file makes a server
// signed by that CA trusted, and a failed handshake reads as one in the
// status bar. The server side is a small TLS endpoint in the test, with a
// throwaway CA made by the openssl tool in a temporary folder.
#include "app/connection_status.h"
#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "connection/connection_dialog.h"
#include "connection/memory_secret_store.h"
#include "connection/profile_store.h"

#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace mccig::console;

namespace {

// Answers every request on one connection with 200 {"status":"ok"} and closes it.
class TlsEndpoint final : public QObject {
public:
    bool start(const QString& certificatePath, const QString& keyPath)
    {
        QFile certificate(certificatePath);
        QFile key(keyPath);
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
        configuration.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
        m_server.setSslConfiguration(configuration);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection()))
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    static void serve(QSslSocket* socket)
    {
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                return;
            socket->readAll();
            const QByteArray body = R"({"status":"ok","version":"tls-endpoint"})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }

    QSslServer m_server;
};

bool runOpenssl(const QString& folder, const QStringList& arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(folder);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), openssl.readAllStandardError().constData());
        return false;
    }
    return true;
}

// ca.pem (a CA of its own), server.pem/server.key (127.0.0.1, signed by it).
bool makeCertificates(const QString& folder)
{
    const QStringList ecKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QFile extensions(folder + QStringLiteral("/server.ext"));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    return runOpenssl(folder, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                                  QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                              QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("1"),
                                              QStringLiteral("-subj"), QStringLiteral("/CN=MCC-IG test CA"),
                                              QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                              QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign")}) &&
           runOpenssl(folder, QStringList{QStringLiteral("req")} + ecKey +
                                  QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                              QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                              QStringLiteral("/CN=127.0.0.1")}) &&
           runOpenssl(folder, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                               QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                               QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                               QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"),
                               QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.pem")});
}

ApiResponse healthOf(ConsoleSession& session)
{
    ApiRequest request;
    request.path = QStringLiteral("/healthz");
    PendingCall* call = session.backend()->send(request);
    QSignalSpy finished(call, &PendingCall::finished);
    if (!finished.wait(20000))
        qFatal("GET /healthz over TLS did not finish");
    return finished.at(0).at(0).value<ApiResponse>();
}

} // namespace

Q_DECLARE_METATYPE(mccig::console::ApiResponse)

class ConsoleTlsTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aServerSignedByTheProfilesCaIsTrusted();
    void anUntrustedCertificateFailsTheHandshakeAndTheStatusBarSaysSo();
    void aCaFileThatHoldsNoCertificateIsRefusedAtConnect();
    void theConnectionDialogKeepsTheCaCertificateOfAProfile();

private:
    ConnectionProfile httpsProfile(const QString& caFile) const;

    QTemporaryDir m_folder;
    TlsEndpoint m_endpoint;
};

void ConsoleTlsTest::initTestCase()
{
    qRegisterMetaType<ApiResponse>();
    QCoreApplication::setOrganizationName(QStringLiteral("MCC-IG-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_tls"));
    QSettings().clear();
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_folder.isValid());
    QVERIFY(makeCertificates(m_folder.path()));
    QVERIFY(m_endpoint.start(m_folder.filePath(QStringLiteral("server.pem")), m_folder.filePath(QStringLiteral("server.key"))));
}

ConnectionProfile ConsoleTlsTest::httpsProfile(const QString& caFile) const
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("tls");
    profile.name = QStringLiteral("tls endpoint");
    profile.serverUrl = m_endpoint.url();
    profile.caCertificateFile = caFile;
    return profile;
}

void ConsoleTlsTest::aServerSignedByTheProfilesCaIsTrusted()
{
    auto opened = ConsoleSession::open(httpsProfile(m_folder.filePath(QStringLiteral("ca.pem"))));
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error()));
    std::unique_ptr<ConsoleSession> session(*opened);
    const ApiResponse response = healthOf(*session);
    QVERIFY2(response.status == 200, qPrintable(response.transportError));
    QVERIFY(!response.tlsHandshakeFailed);
    QVERIFY(response.body.contains("tls-endpoint"));
}

void ConsoleTlsTest::anUntrustedCertificateFailsTheHandshakeAndTheStatusBarSaysSo()
{
    auto opened = ConsoleSession::open(httpsProfile(QString()));
    QVERIFY(opened.has_value());
    std::unique_ptr<ConsoleSession> session(*opened);
    const ApiResponse response = healthOf(*session);
    QCOMPARE(response.status, 0);
    QVERIFY(response.tlsHandshakeFailed);
    QVERIFY(!response.transportError.isEmpty());

    ConnectionStatus status;
    status.setSession(session.get());
    QVERIFY(QTest::qWaitFor([&status] { return status.reachability() == ConnectionStatus::State::Bad; }, 20000));
    QVERIFY2(status.serverText().contains(QStringLiteral("Server: TLS handshake failed")), qPrintable(status.serverText()));
    QCOMPARE(status.serverDetail(), response.transportError);
    status.setSession(nullptr);
}

void ConsoleTlsTest::aCaFileThatHoldsNoCertificateIsRefusedAtConnect()
{
    const QString missing = m_folder.filePath(QStringLiteral("no-such-ca.pem"));
    auto opened = ConsoleSession::open(httpsProfile(missing));
    QVERIFY(!opened.has_value());
    QVERIFY2(opened.error().contains(missing), qPrintable(opened.error()));

    const QString notACertificate = m_folder.filePath(QStringLiteral("server.ext"));
    opened = ConsoleSession::open(httpsProfile(notACertificate));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error(), QStringLiteral("The CA certificate file %1 holds no PEM certificate").arg(notACertificate));

    ConnectionProfile ftp = httpsProfile(QString());
    ftp.serverUrl = QUrl(QStringLiteral("ftp://127.0.0.1:21"));
    opened = ConsoleSession::open(ftp);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error(), QStringLiteral("The server URL must start with http:// or https://."));
}

void ConsoleTlsTest::theConnectionDialogKeepsTheCaCertificateOfAProfile()
{
    MemorySecretStore secrets;
    ProfileStore store(&secrets);
    const QString ca = m_folder.filePath(QStringLiteral("ca.pem"));
    ConnectionProfile profile = httpsProfile(ca);
    profile.id = ProfileStore::newProfileId();
    store.saveProfile(profile);
    QCOMPARE(store.profilesWithoutSecrets().at(0).caCertificateFile, ca);

    ConnectionDialog dialog(&store, std::nullopt);
    auto* caEdit = dialog.findChild<QLineEdit*>(QStringLiteral("caEdit"));
    QVERIFY(caEdit != nullptr);
    QCOMPARE(caEdit->text(), ca);
    QVERIFY(!caEdit->accessibleName().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("caBrowseButton"))->accessibleName().isEmpty());
    caEdit->setText(QString());
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QVERIFY(store.profilesWithoutSecrets().at(0).caCertificateFile.isEmpty());
    store.removeProfile(profile.id);
}

QTEST_MAIN(ConsoleTlsTest)
#include "tst_console_tls.moc"
