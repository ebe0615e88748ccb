// The HTTPS listener end to end: a throwaway CA made for the run, the server
// binary with --tls-cert/--tls-key(/--tls-client-ca), and clients built on
// OpenSSL that offer exactly what each test needs.
#include "ingest_payloads.h"
#include "process_outcome.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"
#include "throwaway_ca.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/ssl.h>

#include <csignal>
#include <thread>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 9;
const QString kAdminKey = QStringLiteral("tls-admin");

bool copyOver(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

// Opens new connections until one completes its handshake and sees a
// certificate with this serial, for at most five seconds.
bool newConnectionsSeeSerial(int port, const TlsClientOptions& options, const std::string& serial)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        TestHttpClient client(port, options);
        if (client.connected() && client.tls()->peerSerial() == serial)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

bool logContains(const QString& path, const QByteArray& text)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        QFile log(path);
        if (log.open(QIODevice::ReadOnly) && log.readAll().contains(text))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

} // namespace

class TlsTest final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawayCa> m_ca;
    std::unique_ptr<ThrowawayCa> m_otherCa; // signs nothing the servers trust
    IssuedCertificate m_serverCertificate;
    QString m_databaseUrl;
    ServerProcess m_server;

    QStringList backends() const
    {
        return {"--redis-url", redisUrlForDatabase(kRedisDb), "--database-url", m_databaseUrl};
    }

    QStringList tlsFiles(const IssuedCertificate& certificate) const
    {
        return {"--tls-cert", certificate.certificateFile, "--tls-key", certificate.keyFile};
    }

    // A client that trusts the main CA, with this certificate of its own and offering this version.
    TlsClientOptions clientOptions(const IssuedCertificate& own = {}, int version = 0) const
    {
        return {m_ca->certificateFile().toStdString(), own.certificateFile.toStdString(), own.keyFile.toStdString(),
                version};
    }

    TlsClientOptions trusting() const { return clientOptions(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto endpoint = parseRedisUrl(redisUrlForDatabase(kRedisDb).toStdString());
        QVERIFY(endpoint.has_value());
        QVERIFY(RedisSyncConnection(*endpoint, std::chrono::seconds(5)).command({"FLUSHDB"}).has_value());
        m_databaseUrl = freshDatabaseUrl("mccig_server_tls");
        m_ca = std::make_unique<ThrowawayCa>(m_dir.path(), "main");
        m_otherCa = std::make_unique<ThrowawayCa>(m_dir.path(), "other");
        QVERIFY(m_ca->valid() && m_otherCa->valid());
        m_serverCertificate = m_ca->issueServer("gateway-one", "1001");
        QVERIFY(!m_serverCertificate.certificateFile.isEmpty());
        QVERIFY(m_server.start(backends() + tlsFiles(m_serverCertificate)
                               + QStringList{"--role", "all", "--api-keys", "acme:key-acme", "--admin-key", kAdminKey}));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void ingestOverTlsIsAccepted()
    {
        TestHttpClient client(m_server.port(), trusting());
        QVERIFY2(client.connected(), client.tls()->error().c_str());
        QCOMPARE(client.tls()->peerSubject(), std::string("CN=gateway-one"));
        const auto accepted = client.request("POST", "/v1/ingest/sms",
                                             {{"X-Api-Key", "key-acme"}, {"Content-Type", "application/json"}},
                                             smsPayload(newUuidV7()).dump());
        QVERIFY(accepted.has_value());
        QCOMPARE(accepted->status, 202);
        // Keep-alive works over TLS: the same session answers again.
        const auto health = client.request("GET", "/healthz");
        QVERIFY(health.has_value());
        QCOMPARE(health->status, 200);
    }

    void plainHttpOnTheTlsPortGetsNoHttpAnswer()
    {
        TestHttpClient plain(m_server.port());
        QVERIFY(plain.connected());
        QVERIFY(!plain.request("GET", "/healthz").has_value());
    }

    void protocolVersionsBelowTls12AreRefused_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("TLS 1.0") << TLS1_VERSION << false;
        QTest::newRow("TLS 1.1") << TLS1_1_VERSION << false;
        QTest::newRow("TLS 1.2") << TLS1_2_VERSION << true;
        QTest::newRow("TLS 1.3") << TLS1_3_VERSION << true;
    }

    void protocolVersionsBelowTls12AreRefused()
    {
        QFETCH(int, version);
        QFETCH(bool, accepted);
        TestHttpClient client(m_server.port(), clientOptions({}, version));
        QCOMPARE(client.connected(), accepted);
        if (accepted) {
            QCOMPARE(client.request("GET", "/healthz")->status, 200);
            return;
        }
        // The server's alert, not a client that refused to offer the version.
        QVERIFY2(client.tls()->error().find("protocol version") != std::string::npos, client.tls()->error().c_str());
    }

    void hardeningLimitsApplyOverTls()
    {
        TestHttpClient oversized(m_server.port(), trusting());
        QVERIFY(oversized.connected());
        const auto tooLarge = oversized.request("GET", "/healthz", {{"X-Filler", std::string(20 * 1024, 'a')}});
        QVERIFY(tooLarge.has_value());
        QCOMPARE(tooLarge->status, 431);

        TestHttpClient bulky(m_server.port(), trusting());
        QVERIFY(bulky.connected());
        const auto bodyTooLarge = bulky.request("POST", "/v1/ingest/sms",
                                                {{"X-Api-Key", "key-acme"}, {"Content-Type", "application/json"}},
                                                std::string(65 * 1024, ' '));
        QVERIFY(bodyTooLarge.has_value());
        QCOMPARE(bodyTooLarge->status, 413);

        // A keep-alive connection ends after 1000 answers, as over plain HTTP.
        TestHttpClient busy(m_server.port(), trusting());
        QVERIFY(busy.connected());
        for (int i = 1; i < 1000; ++i) {
            const auto reply = busy.request("GET", "/healthz");
            QVERIFY(reply.has_value());
            QVERIFY(reply->header("connection") != "close");
        }
        QCOMPARE(busy.request("GET", "/healthz")->header("connection"), std::string("close"));
        QVERIFY(busy.closedByServer());

        TestHttpClient smuggling(m_server.port(), trusting());
        QVERIFY(smuggling.connected());
        QVERIFY(smuggling.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                                  "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"));
        const auto refused = smuggling.readReply();
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 400);
        QVERIFY(smuggling.closedByServer());
    }

    void silentClientCannotHoldAConnectionSlot()
    {
        ServerProcess server;
        QVERIFY(server.start(backends() + tlsFiles(m_serverCertificate)
                             + QStringList{"--role", "api", "--max-connections", "1"}));
        // Connects and never starts the handshake; it holds the only slot.
        TestHttpClient silent(server.port(), std::chrono::seconds(20));
        QVERIFY(silent.connected());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        QVERIFY(!TestHttpClient(server.port(), trusting()).connected()); // over the limit: closed at once
        // The handshake deadline (10 s) ends the silent one and frees the slot
        // (once the server has seen the close).
        QVERIFY(silent.closedByServer());
        QVERIFY(newConnectionsSeeSerial(server.port(), trusting(), "1001"));
        QCOMPARE(server.stop(), 0);
    }

    void shutdownDoesNotWaitForAClientInTheHandshake()
    {
        ServerProcess server;
        QVERIFY(server.start(backends() + tlsFiles(m_serverCertificate) + QStringList{"--role", "api"}));
        TestHttpClient silent(server.port(), std::chrono::seconds(20));
        QVERIFY(silent.connected());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        // Waiting for its handshake (10 s) or the drain deadline (7 s) would be the bug.
        const auto started = std::chrono::steady_clock::now();
        QCOMPARE(server.stop(), 0);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        QVERIFY(silent.closedByServer());
    }

    void mutualTlsNeedsAClientCertificateTheCaSigned()
    {
        ServerProcess server;
        QVERIFY(server.start(backends() + tlsFiles(m_serverCertificate)
                             + QStringList{"--role", "api", "--tls-client-ca", m_ca->certificateFile()}));
        const auto signedByCa = m_ca->issueClient("console-one");
        const auto signedByOther = m_otherCa->issueClient("intruder");
        QVERIFY(!signedByCa.certificateFile.isEmpty() && !signedByOther.certificateFile.isEmpty());

        TestHttpClient withCertificate(server.port(), clientOptions(signedByCa));
        QVERIFY2(withCertificate.connected(), withCertificate.tls()->error().c_str());
        QCOMPARE(withCertificate.request("GET", "/healthz")->status, 200);

        // With TLS 1.3 the client finishes its handshake first; the refusal
        // arrives as an alert instead of the first answer.
        TestHttpClient without(server.port(), trusting());
        QVERIFY(!without.connected() || !without.request("GET", "/healthz").has_value());
        QVERIFY2(without.tls()->error().find("certificate required") != std::string::npos,
                 without.tls()->error().c_str());

        TestHttpClient foreign(server.port(), clientOptions(signedByOther));
        QVERIFY(!foreign.connected() || !foreign.request("GET", "/healthz").has_value());
        QVERIFY2(foreign.tls()->error().find("unknown ca") != std::string::npos, foreign.tls()->error().c_str());
        QCOMPARE(server.stop(), 0);
    }

    void sighupSwapsTheCertificateAndABadReloadKeepsIt()
    {
        // The server's files, which the test replaces as an operator would.
        const IssuedCertificate live{m_dir.path() + "/live.crt", m_dir.path() + "/live.key"};
        const auto second = m_ca->issueServer("gateway-two", "1002");
        QVERIFY(!second.certificateFile.isEmpty());
        QVERIFY(copyOver(m_serverCertificate.certificateFile, live.certificateFile));
        QVERIFY(copyOver(m_serverCertificate.keyFile, live.keyFile));
        ServerProcess server;
        const QString log = m_dir.path() + "/reload.log";
        server.logTo(log);
        QVERIFY(server.start(backends() + tlsFiles(live) + QStringList{"--role", "api"}));

        TestHttpClient before(server.port(), trusting());
        QVERIFY(before.connected());
        QCOMPARE(before.tls()->peerSerial(), std::string("1001"));

        QVERIFY(copyOver(second.certificateFile, live.certificateFile));
        QVERIFY(copyOver(second.keyFile, live.keyFile));
        TestHttpClient beforeSignal(server.port(), trusting()); // new files, no signal yet: the old certificate
        QCOMPARE(beforeSignal.tls()->peerSerial(), std::string("1001"));
        ::kill(static_cast<pid_t>(server.processId()), SIGHUP);
        QVERIFY(newConnectionsSeeSerial(server.port(), trusting(), "1002"));
        TestHttpClient after(server.port(), trusting());
        QCOMPARE(after.tls()->peerSubject(), std::string("CN=gateway-two"));
        // The connection opened before the reload goes on with its session.
        QCOMPARE(before.request("GET", "/healthz")->status, 200);

        // A broken file on the next SIGHUP: an error in the log, the certificate in use stays.
        QVERIFY(writeFile(live.certificateFile, "not a certificate\n"));
        ::kill(static_cast<pid_t>(server.processId()), SIGHUP);
        QVERIFY(logContains(log, "TLS reload failed"));
        TestHttpClient stillServed(server.port(), trusting());
        QVERIFY(stillServed.connected());
        QCOMPARE(stillServed.tls()->peerSerial(), std::string("1002"));
        QVERIFY(server.running());
        QCOMPARE(server.stop(), 0);
    }

    void healthcheckSubcommandAsksOverTls()
    {
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
        const auto healthy = ServerProcess::runToExit(QStringList{"healthcheck", "--listen", listen}
                                                      + tlsFiles(m_serverCertificate));
        QCOMPARE(healthy.exitCode, 0);
        QVERIFY(healthy.err.isEmpty());
        const auto plain = ServerProcess::runToExit({"healthcheck", "--listen", listen});
        QCOMPARE(plain.exitCode, 1);
    }

    void sighupWithoutTlsKeepsServing()
    {
        ServerProcess server;
        const QString log = m_dir.path() + "/plain-hangup.log";
        server.logTo(log);
        QVERIFY(server.start(backends() + QStringList{"--role", "api"}));
        ::kill(static_cast<pid_t>(server.processId()), SIGHUP);
        QVERIFY(logContains(log, "nothing to reload"));
        QCOMPARE(TestHttpClient(server.port()).request("GET", "/healthz")->status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void badTlsFilesExitTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("tls");
        QTest::addColumn<QString>("mentions");
        const QString garbage = m_dir.path() + "/garbage.pem";
        QVERIFY(writeFile(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n"));
        const QString empty = m_dir.path() + "/empty.pem";
        QVERIFY(writeFile(empty, {}));
        QFile ca(m_ca->certificateFile());
        QVERIFY(ca.open(QIODevice::ReadOnly));
        const QString caThenGarbage = m_dir.path() + "/ca-then-garbage.pem";
        QVERIFY(writeFile(caThenGarbage, ca.readAll() + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        const QString encryptedKey = m_dir.path() + "/encrypted.key";
        QVERIFY(runOpenSsl({"pkey", "-in", m_serverCertificate.keyFile, "-aes256", "-passout", "pass:secret", "-out",
                            encryptedKey}));
        const auto other = m_otherCa->issueServer("elsewhere", "2001");
        const QString& certificate = m_serverCertificate.certificateFile;
        const QString& key = m_serverCertificate.keyFile;
        QTest::newRow("certificate without key") << QStringList{"--tls-cert", certificate} << "--tls-key";
        QTest::newRow("key without certificate") << QStringList{"--tls-key", key} << "--tls-cert";
        QTest::newRow("client CA without certificate")
            << QStringList{"--tls-client-ca", m_ca->certificateFile()} << "--tls-client-ca needs";
        QTest::newRow("missing certificate file")
            << QStringList{"--tls-cert", m_dir.path() + "/none.crt", "--tls-key", key}
            << "cannot read the TLS certificate file";
        QTest::newRow("unreadable key file") << QStringList{"--tls-cert", certificate, "--tls-key", m_dir.path()}
                                             << "cannot read the TLS key file";
        QTest::newRow("certificate not PEM") << QStringList{"--tls-cert", garbage, "--tls-key", key}
                                             << "TLS certificate file";
        QTest::newRow("key not PEM") << QStringList{"--tls-cert", certificate, "--tls-key", garbage} << "TLS key file";
        QTest::newRow("key is a certificate")
            << QStringList{"--tls-cert", certificate, "--tls-key", certificate} << "TLS key file";
        QTest::newRow("encrypted key") << QStringList{"--tls-cert", certificate, "--tls-key", encryptedKey}
                                       << "TLS key file";
        QTest::newRow("key of another certificate")
            << QStringList{"--tls-cert", other.certificateFile, "--tls-key", key} << "does not belong";
        QTest::newRow("client CA not PEM")
            << QStringList{"--tls-cert", certificate, "--tls-key", key, "--tls-client-ca", garbage}
            << "TLS client CA file";
        QTest::newRow("client CA empty")
            << QStringList{"--tls-cert", certificate, "--tls-key", key, "--tls-client-ca", empty} << "is empty";
        QTest::newRow("client CA with a broken second certificate")
            << QStringList{"--tls-cert", certificate, "--tls-key", key, "--tls-client-ca", caThenGarbage}
            << "holds a broken certificate";
        QTest::newRow("client CA without a certificate")
            << QStringList{"--tls-cert", certificate, "--tls-key", key, "--tls-client-ca", key}
            << "holds no PEM certificate";
    }

    void badTlsFilesExitTwoWithOneLine()
    {
        QFETCH(QStringList, tls);
        QFETCH(QString, mentions);
        const auto outcome = ServerProcess::runToExit(backends() + tls);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(mentions), qPrintable(outcome.err));
        QCOMPARE(outcome.err.trimmed().count('\n'), 0);
        QVERIFY(outcome.out.isEmpty());
    }

    void simulatorRunsAgainstAnHttpsServer()
    {
        const auto outcome = runToExit(QStringLiteral(MCCIG_SIM_BINARY),
                                       {"run", "--target", QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
                                        "--ca-file", m_ca->certificateFile(), "--admin-key", kAdminKey, "--tenant",
                                        "acme:key-acme", "--checks", "persistence", "--rate", "20", "--duration",
                                        "1", "--drain-timeout", "30", "--json"},
                                       120000);
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.out + outcome.err));
        QVERIFY(outcome.out.contains("https://127.0.0.1:"));
    }

    void simulatorRefusesAServerItCannotVerify()
    {
        const QString target = QStringLiteral("https://127.0.0.1:%1").arg(m_server.port());
        const QStringList rest{"--admin-key", kAdminKey, "--tenant", "acme:key-acme", "--checks", "persistence"};
        const auto untrusted = runToExit(QStringLiteral(MCCIG_SIM_BINARY),
                                         QStringList{"run", "--target", target, "--ca-file", m_otherCa->certificateFile()}
                                             + rest);
        QCOMPARE(untrusted.exitCode, 3);
        QVERIFY2(untrusted.err.contains("certificate verify failed"), qPrintable(untrusted.err));
        // A CA file that is not PEM is a usage error.
        const auto badCa = runToExit(QStringLiteral(MCCIG_SIM_BINARY),
                                     QStringList{"run", "--target", target, "--ca-file", m_serverCertificate.keyFile}
                                         + rest);
        QCOMPARE(badCa.exitCode, 2);
        QVERIFY2(badCa.err.contains("--ca-file"), qPrintable(badCa.err));
        // Plain HTTP to the TLS port is no answer either.
        const auto plain = runToExit(QStringLiteral(MCCIG_SIM_BINARY),
                                     QStringList{"run", "--target", QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())}
                                         + rest);
        QCOMPARE(plain.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TlsTest)
#include "tls_test.moc"
