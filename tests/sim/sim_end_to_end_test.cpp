#include "backend_under_test.h"
#include "process_outcome.h"
#include "server_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// mccig-sim against a real mccig-server on the backend under test (Redis db 15
// and its own PostgreSQL database, or an embedded data dir): every check
// passes, failures planted between a send and a verify are found, and the
// exit codes. A conformance test: it runs against both backends.
namespace {

constexpr int kRedisDb = 15;
const QString kAdminKey = QStringLiteral("sim-admin");

struct SimRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }

    QJsonObject check(const QString& name) const
    {
        for (const auto& check : json().value(QStringLiteral("checks")).toArray())
            if (check.toObject().value(QStringLiteral("name")).toString() == name)
                return check.toObject();
        return {};
    }
};

} // namespace

class SimEndToEndTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fullRunPassesEveryCheck();
    void verifyDetectsARowDeletedAfterSending();
    void verifyDetectsADeadLetterRemovedAfterSending();
    void noisyCheckFailsWhenTheFloodStaysInsideTheLimit();
    void unreachableServerExitsWithThree();
    void refusedAdminKeyExitsWithTwo();
    void badUsageExitsWithTwo();
    void verifyOfAMissingManifestExitsWithTwo();

private:
    SimRun runSim(const QStringList& arguments) const;
    QStringList baseArguments() const;
    long long storedRows(const QString& tenant, const QString& providerMessageId) const;
    void waitForRow(const QString& tenant, const QString& providerMessageId) const;

    mccig::test::BackendUnderTest m_backend{QStringLiteral("mccig_sim_e2e"), kRedisDb};
    std::shared_ptr<mccig::Backend> m_store; // the test's own reads; outlives m_events
    std::unique_ptr<mccig::EventRepository> m_events;
    mccig::test::ServerProcess m_server;
    QString m_target;
    QTemporaryDir m_dir;
};

void SimEndToEndTest::initTestCase()
{
    m_store = m_backend.open();
    m_events = m_store->eventRepository();
    QVERIFY(m_server.start(m_backend.serverArgs()
                           + QStringList{"--api-keys", "a:ka,b:kb,noisy:kn", "--tenant-rate-limits", "noisy=5:1",
                                         "--admin-key", kAdminKey, "--simulation-mode", "--max-attempts", "2",
                                         "--retry-base-ms", "50"}));
    m_target = m_server.baseUrl().toString();
}

void SimEndToEndTest::cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

SimRun SimEndToEndTest::runSim(const QStringList& arguments) const
{
    const auto outcome = mccig::test::runToExit(QStringLiteral(MCCIG_SIM_BINARY), arguments, 120000);
    return {outcome.exitCode, outcome.out.toUtf8(), outcome.err.toUtf8()};
}

QStringList SimEndToEndTest::baseArguments() const
{
    return {"--target", m_target, "--admin-key", kAdminKey, "--json", "--drain-timeout", "30"};
}

long long SimEndToEndTest::storedRows(const QString& tenant, const QString& providerMessageId) const
{
    const auto count = m_events->count({tenant.toStdString(), std::nullopt, providerMessageId.toStdString()});
    return count ? *count : -1;
}

void SimEndToEndTest::waitForRow(const QString& tenant, const QString& providerMessageId) const
{
    // The worker stores asynchronously; deleting before it did would let it
    // store the row afterwards and hide the planted loss.
    QTRY_COMPARE_WITH_TIMEOUT(storedRows(tenant, providerMessageId), 1LL, 30000);
}

void SimEndToEndTest::fullRunPassesEveryCheck()
{
    const SimRun run = runSim(baseArguments() + QStringList{
        "--tenant", "a:ka", "--tenant", "b:kb", "--tenant", "noisy:kn", "--noisy-tenant", "noisy",
        "--rate", "40", "--duration", "2", "--replay-copies", "8", "--failures", "3", "--expect-attempts", "2",
        "--noisy-rate", "60", "--noisy-duration", "2", "--seed", "1"});
    QVERIFY2(run.exitCode == 0, (run.out + run.err).constData());
    const QJsonObject report = run.json();
    QCOMPARE(report.value("verdict").toString(), QStringLiteral("pass"));
    QCOMPARE(report.value("checks").toArray().size(), 4);
    for (const auto& check : report.value("checks").toArray())
        QVERIFY2(check.toObject().value("passed").toBool(), qPrintable(check.toObject().value("summary").toString()));
    QCOMPARE(report.value("traffic").toObject().value("sent").toInt(), 80);
    QVERIFY(run.check("replay").value("summary").toString().startsWith("8 concurrent copies: 1 x 202, 7 x 200"));
    QVERIFY(run.check("failures").value("summary").toString().endsWith("3 forced failures: 3 dead-lettered"));
    // Progress went to stderr as plain lines (not a terminal), the report to stdout.
    QVERIFY(run.err.contains("traffic    sent 80/80"));
}

void SimEndToEndTest::verifyDetectsARowDeletedAfterSending()
{
    const QString manifestPath = m_dir.filePath(QStringLiteral("deleted-row.json"));
    const SimRun sent = runSim(QStringList{"send", "--manifest", manifestPath} + baseArguments() +
                               QStringList{"--tenant", "a:ka", "--rate", "30", "--duration", "1",
                                           "--checks", "persistence,replay"});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());

    QFile file(manifestPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray traffic = QJsonDocument::fromJson(file.readAll()).object().value("traffic").toArray();
    QCOMPARE(traffic.size(), 30);
    const QJsonObject victim = traffic.at(7).toObject();
    QCOMPARE(victim.value("status").toInt(), 202);
    const QString providerMessageId = victim.value("providerMessageId").toString();
    waitForRow(QStringLiteral("a"), providerMessageId);
    QCOMPARE(m_backend.deleteStoredEvent(QStringLiteral("a"), providerMessageId), 1LL);

    const SimRun verified = runSim(QStringList{"verify", "--manifest", manifestPath} + baseArguments());
    QCOMPARE(verified.exitCode, 1);
    QCOMPARE(verified.json().value("verdict").toString(), QStringLiteral("fail"));
    const QJsonObject persistence = verified.check("persistence");
    QCOMPARE(persistence.value("passed").toBool(), false);
    const QJsonArray problems = persistence.value("problems").toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toString(),
             QStringLiteral("a/%1/%2: 0 row(s), expected exactly 1")
                 .arg(victim.value("channel").toString(), providerMessageId));
    QCOMPARE(verified.check("replay").value("passed").toBool(), true);
}

void SimEndToEndTest::verifyDetectsADeadLetterRemovedAfterSending()
{
    const QString manifestPath = m_dir.filePath(QStringLiteral("removed-dead-letter.json"));
    const SimRun sent = runSim(QStringList{"send", "--manifest", manifestPath} + baseArguments() +
                               QStringList{"--tenant", "b:kb", "--duration", "0", "--checks", "failures",
                                           "--failures", "2"});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    const SimRun before = runSim(QStringList{"verify", "--manifest", manifestPath} + baseArguments());
    QVERIFY2(before.exitCode == 0, (before.out + before.err).constData());

    // Remove one of the two dead letters through the admin API, then verify again.
    QFile file(manifestPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray failures = QJsonDocument::fromJson(file.readAll()).object().value("failures").toArray();
    QCOMPARE(failures.size(), 2);
    const QString eventId = failures.at(0).toObject().value("eventId").toString();
    QProcess curl;
    curl.start(QStringLiteral("curl"), {"-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", "-H",
                                        "Authorization: Bearer " + kAdminKey, m_target + "/v1/admin/dlq/" + eventId});
    QVERIFY(curl.waitForFinished(10000));
    QCOMPARE(curl.readAllStandardOutput(), QByteArray("204"));

    const SimRun after = runSim(QStringList{"verify", "--manifest", manifestPath} + baseArguments());
    QCOMPARE(after.exitCode, 1);
    const QJsonArray problems = after.check("failures").value("problems").toArray();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).toString().contains("not in the dead-letter queue"), qPrintable(problems.at(0).toString()));
    QVERIFY(problems.at(0).toString().contains(failures.at(0).toObject().value("providerMessageId").toString()));
}

void SimEndToEndTest::noisyCheckFailsWhenTheFloodStaysInsideTheLimit()
{
    // Tenant b's limit is the default 100 burst, 50/s: 10 requests a second never reach it.
    const SimRun run = runSim(baseArguments() + QStringList{"--tenant", "a:ka", "--tenant", "b:kb", "--checks", "noisy",
                                                            "--noisy-rate", "10", "--noisy-duration", "1",
                                                            "--duration", "0"});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject noisy = run.check("noisy");
    QCOMPARE(noisy.value("passed").toBool(), false);
    QCOMPARE(noisy.value("summary").toString(),
             QStringLiteral("noisy tenant b: 10 sent, 10 x 202, 0 x 429; 1 other tenant(s): 5 sent, 5 x 202"));
    const QJsonArray problems = noisy.value("problems").toArray();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.at(0).toString().startsWith("the noisy tenant was never rate-limited"));
}

void SimEndToEndTest::unreachableServerExitsWithThree()
{
    const SimRun run = runSim({"--target", "http://127.0.0.1:1", "--admin-key", kAdminKey, "--tenant", "a:ka"});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.startsWith("mccig-sim: connect:"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void SimEndToEndTest::refusedAdminKeyExitsWithTwo()
{
    const SimRun run = runSim({"--target", m_target, "--admin-key", "wrong", "--tenant", "a:ka"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("admin API refused"), run.err.constData());
}

void SimEndToEndTest::badUsageExitsWithTwo()
{
    const SimRun run = runSim({"--target", m_target, "--admin-key", kAdminKey});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QByteArray("mccig-sim: at least one --tenant tenant:key is required\n"));
}

void SimEndToEndTest::verifyOfAMissingManifestExitsWithTwo()
{
    const SimRun run = runSim(QStringList{"verify", "--manifest", m_dir.filePath("absent.json")} + baseArguments());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("cannot read manifest"));
}

QTEST_GUILESS_MAIN(SimEndToEndTest)
#include "sim_end_to_end_test.moc"
