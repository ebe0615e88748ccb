// `mccig-server webhooks ...` run as the built binary on the backend under
// test (Redis db 20, or an embedded data dir), one of the conformance tests
// that run against both: what it stores and shows, and every bad input.
#include "backend_under_test.h"
#include "server_process.h"
#include "test_http_client.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 20;
const QByteArray kTwilioToken = "0c8d2b6a1e9f3c7d5b8a2e6f1c9d3b4f";

} // namespace

class WebhooksCommandTest final : public QObject {
    Q_OBJECT

private:
    BackendUnderTest m_backend{"mccig_webhooks_command", kRedisDb};
    std::shared_ptr<Backend> m_store;

    ProcessOutcome run(const QStringList& words, const QByteArray& input = {}, const QStringList& backendArgs = {})
    {
        QProcess process;
        process.start(ServerProcess::binary(), QStringList{"webhooks"} + words
                                                   + (backendArgs.isEmpty() ? m_backend.serverArgs() : backendArgs));
        process.write(input);
        process.closeWriteChannel();
        ProcessOutcome outcome;
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
            return outcome;
        outcome.exitCode = process.exitCode();
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    std::size_t storedCount()
    {
        const auto secrets = m_store->webhookSecretStore()->loadAll();
        return secrets ? secrets->size() : 0;
    }

private slots:
    void initTestCase()
    {
        qunsetenv("MCCIG_REDIS_URL");
        qunsetenv("MCCIG_DATABASE_URL");
        qunsetenv("MCCIG_DATA_DIR");
        m_store = m_backend.open();
        QVERIFY(m_store->prepare().has_value());
    }

    void init()
    {
        auto store = m_store->webhookSecretStore();
        const auto entries = store->list();
        QVERIFY(entries.has_value());
        for (const auto& entry : *entries)
            QVERIFY(store->remove(entry.id).value_or(false));
    }

    void setStoresTheSecretFromStdinAndPrintsItsId()
    {
        const auto set = run({"set", "acme", "twilio"}, kTwilioToken + "\n");
        QCOMPARE(set.exitCode, 0);
        static const QRegularExpression shape(QStringLiteral("^[0-9a-f]{16}\n$"));
        QVERIFY2(shape.match(set.out).hasMatch(), qPrintable(set.out));
        QVERIFY(!set.err.contains(QString::fromLatin1(kTwilioToken)));
        const auto stored = m_store->webhookSecretStore()->loadAll();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->size(), std::size_t(1));
        QCOMPARE(stored->front().entry.id, set.out.trimmed().toStdString());
        QCOMPARE(stored->front().entry.tenantId, std::string("acme"));
        QCOMPARE(stored->front().entry.provider, WebhookProvider::Twilio);
        QCOMPARE(stored->front().secret, kTwilioToken.toStdString()); // the line break is not part of it
    }

    void listShowsIdTenantProviderAndTimeButNeverTheSecret()
    {
        const auto twilio = run({"set", "acme", "twilio"}, kTwilioToken);
        const auto standard = run({"set", "globex", "standard"}, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QCOMPARE(twilio.exitCode, 0);
        QCOMPARE(standard.exitCode, 0);
        const auto all = run({"list"});
        QCOMPARE(all.exitCode, 0);
        const auto lines = all.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const auto first = lines[0].split('\t');
        QCOMPARE(first.size(), 4);
        QCOMPARE(first[0], twilio.out.trimmed());
        QCOMPARE(first[1], QStringLiteral("acme"));
        QCOMPARE(first[2], QStringLiteral("twilio"));
        QVERIFY(lines[1].startsWith(standard.out.trimmed() + "\tglobex\tstandard\t"));
        QVERIFY(!all.out.contains(QString::fromLatin1(kTwilioToken)));
        QVERIFY(!all.out.contains(QStringLiteral("whsec_")));
        const auto globex = run({"list", "globex"});
        QCOMPARE(globex.out.trimmed().split('\n').size(), 1);
        QVERIFY(globex.out.contains(QStringLiteral("\tglobex\t")));
    }

    void removeDeletesOneSecretAndRefusesAnUnknownId()
    {
        const auto kept = run({"set", "acme", "whatsapp"}, "app-secret-one");
        const auto removed = run({"set", "acme", "whatsapp"}, "app-secret-two");
        const QString id = removed.out.trimmed();
        const auto remove = run({"remove", id});
        QCOMPARE(remove.exitCode, 0);
        QVERIFY(remove.out.contains(id));
        QCOMPARE(storedCount(), std::size_t(1));
        QCOMPARE(m_store->webhookSecretStore()->list()->front().id, kept.out.trimmed().toStdString());
        const auto again = run({"remove", id});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("no stored webhook secret has the id ") + id), qPrintable(again.err));
    }

    void setRefusesASecretTheProviderCouldNotUse_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing on stdin") << "twilio" << QByteArray() << "1 to 512 characters";
        QTest::newRow("an empty line") << "whatsapp" << QByteArray("\n") << "1 to 512 characters";
        QTest::newRow("spaces") << "whatsapp-verify" << QByteArray("two words") << "without spaces";
        QTest::newRow("too long") << "twilio" << QByteArray(513, 'a') << "1 to 512 characters";
        QTest::newRow("standard without whsec_") << "standard" << QByteArray("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                                                 << "starts with \"whsec_\"";
        QTest::newRow("standard not base64") << "standard" << QByteArray("whsec_not*base64*at*all*here!!")
                                             << "base64 of 24 to 64 bytes";
        QTest::newRow("standard too short") << "standard" << QByteArray("whsec_c2hvcnQ=") << "base64 of 24 to 64 bytes";
    }

    void setRefusesASecretTheProviderCouldNotUse()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const auto outcome = run({"set", "acme", provider}, input);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
        QCOMPARE(outcome.out, QString());
        QCOMPARE(storedCount(), std::size_t(0));
    }

    void badWordsExitTwo_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << "webhooks needs a command";
        QTest::newRow("unknown command") << QStringList{"rotate"} << "unknown webhooks command 'rotate'";
        QTest::newRow("set without provider") << QStringList{"set", "acme"} << "takes a tenant id and a provider";
        QTest::newRow("set with the secret as a word") << QStringList{"set", "acme", "twilio", "token"}
                                                       << "the secret is read from stdin";
        QTest::newRow("bad tenant") << QStringList{"set", "Acme!", "twilio"} << "invalid tenant id 'Acme!'";
        QTest::newRow("unknown provider") << QStringList{"set", "acme", "fax"} << "unknown provider 'fax'";
        QTest::newRow("list two tenants") << QStringList{"list", "acme", "globex"} << "at most one tenant id";
        QTest::newRow("list bad tenant") << QStringList{"list", "-x-"} << "invalid tenant id";
        QTest::newRow("remove without id") << QStringList{"remove"} << "exactly one secret id";
        QTest::newRow("remove short id") << QStringList{"remove", "abc123"} << "invalid secret id 'abc123'";
        QTest::newRow("remove upper-case id") << QStringList{"remove", "ABCDEF0123456789"} << "invalid secret id";
    }

    void badWordsExitTwo()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, message);
        const auto outcome = run(words, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
        QCOMPARE(storedCount(), std::size_t(0));
    }

    void anUnreachableRedisExitsOneNamingIt()
    {
        const auto outcome = run({"list"}, {}, {"--redis-url", "redis://127.0.0.1:1"});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains(QStringLiteral("cannot reach Redis at 127.0.0.1:1")), qPrintable(outcome.err));
    }

    void aSecretSetBesideARunningServerIsUsedWithinSeconds()
    {
        ServerProcess server;
        QVERIFY(server.start(m_backend.serverArgs()));
        const std::string handshake =
            "/v1/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=beside-it&hub.challenge=42";
        const auto status = [&] {
            TestHttpClient client(server.port());
            const auto reply = client.request("GET", handshake);
            return reply ? reply->status : 0;
        };
        QCOMPARE(status(), 403);
        QCOMPARE(run({"set", "acme", "whatsapp-verify"}, "beside-it").exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(status(), 200, 10000);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(WebhooksCommandTest)
#include "webhooks_command_test.moc"
