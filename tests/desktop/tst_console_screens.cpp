#include "apidocs/api_docs_screen.h"
#include "app/connection_status.h"
#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "live/live_source.h"
#include "models/bucket_table_model.h"
#include "models/burst_series_model.h"
#include "models/dlq_table_model.h"
#include "models/history_model.h"
#include "models/replay_outcome_model.h"
#include "models/stats_series_model.h"
#include "models/tenant_table_model.h"
#include "models/throttle_series_model.h"
#include "playground/payload_templates.h"
#include "playground/playground_screen.h"
#include "ratelimit/rate_limit_screen.h"
#include "replay/replay_screen.h"
#include "server_process.h"
#include "test_services.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QtTest>

#include <memory>

Q_DECLARE_METATYPE(mccig::console::ApiResponse)

using namespace mccig::console;

namespace {

constexpr int kRedisDb = 13;
constexpr int kLongWaitMs = 60000;
const QString kAdminKey = QStringLiteral("admin-screens");

void flushRedis(int db)
{
    const QUrl url(mccig::test::redisUrlForDatabase(db));
    QProcess cli;
    cli.start(QStringLiteral("redis-cli"), {QStringLiteral("-h"), url.host(), QStringLiteral("-p"),
                                            QString::number(url.port()), QStringLiteral("-n"), QString::number(db),
                                            QStringLiteral("FLUSHDB")});
    if (!cli.waitForFinished(10000) || cli.exitCode() != 0)
        qFatal("cannot flush Redis db %d", db);
}

// Waits for `signal` until `done` holds, re-arming after every emission.
template <typename Object, typename Signal>
bool waitUntil(Object* object, Signal signal, const std::function<bool()>& done, int timeoutMs = kLongWaitMs)
{
    QSignalSpy spy(object, signal);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        spy.wait(qMax(1, int(qMin<qint64>(2000, timeoutMs - timer.elapsed()))));
    }
    return true;
}

ApiResponse sendAndWait(ConsoleBackend* backend, const ApiRequest& request)
{
    ApiResponse result;
    PendingCall* call = backend->send(request);
    QSignalSpy spy(call, &PendingCall::finished);
    if (!spy.wait(20000))
        qFatal("request %s timed out", qPrintable(request.path));
    return spy.at(0).at(0).value<ApiResponse>();
}

QByteArray failingSms(const QString& id)
{
    const QJsonObject body{{QStringLiteral("providerMessageId"), id},
                           {QStringLiteral("from"), QStringLiteral("+14155550100")},
                           {QStringLiteral("to"), QStringLiteral("+14155550199")},
                           {QStringLiteral("body"), QStringLiteral("please fail")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("simulateFailure"), true}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class ConsoleScreensTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void statusBarReportsReachableReadyAndRedis();
    void playgroundSendShowsAcceptedThenDuplicateThenInvalid();
    void replayVerdictPassesForConcurrentDuplicates();
    void dlqReplaysOneEntryAndDeletesAnotherAfterConfirmation();
    void dlqDeleteDeclinedLeavesTheEntry();
    void rateLimitViewShowsAThrottledTenant();
    void dashboardShowsLiveFiguresFromRedis();
    void dashboardFallsBackToTheAdminApiWithoutRedis();
    void apiDocsCopyCurlForTheCurrentServer();

private:
    ConnectionProfile profile(bool withRedis) const;
    std::unique_ptr<ConsoleSession> openSession(bool withRedis) const;

    std::unique_ptr<mccig::test::ServerProcess> m_server;
};

void ConsoleScreensTest::initTestCase()
{
    qRegisterMetaType<ApiResponse>();
    Q_INIT_RESOURCE(mccig_console);
    QCoreApplication::setOrganizationName(QStringLiteral("MCC-IG-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_screens"));
    QSettings().clear();
    flushRedis(kRedisDb);
    m_server = std::make_unique<mccig::test::ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--redis-url"), mccig::test::redisUrlForDatabase(kRedisDb),
                             QStringLiteral("--database-url"),
                             mccig::test::freshDatabaseUrl(QStringLiteral("mccig_console_screens")),
                             QStringLiteral("--api-keys"), QStringLiteral("acme:key-acme,tiny:key-tiny,dlq:key-dlq"),
                             QStringLiteral("--admin-key"), kAdminKey, QStringLiteral("--tenant-rate-limits"),
                             QStringLiteral("tiny=3:0.1"), QStringLiteral("--simulation-mode"),
                             QStringLiteral("--max-attempts"), QStringLiteral("2"),
                             QStringLiteral("--retry-base-ms"), QStringLiteral("50")}));
}

void ConsoleScreensTest::cleanupTestCase() { m_server.reset(); }

ConnectionProfile ConsoleScreensTest::profile(bool withRedis) const
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("test");
    profile.name = QStringLiteral("test server");
    profile.serverUrl = m_server->baseUrl();
    profile.adminKey = kAdminKey;
    profile.tenantKeys = parseTenantKeys(QStringLiteral("acme:key-acme,tiny:key-tiny,dlq:key-dlq"));
    if (withRedis)
        profile.redisUrl = mccig::test::redisUrlForDatabase(kRedisDb);
    return profile;
}

std::unique_ptr<ConsoleSession> ConsoleScreensTest::openSession(bool withRedis) const
{
    auto opened = ConsoleSession::open(profile(withRedis));
    if (!opened)
        qFatal("cannot open a session: %s", qPrintable(opened.error()));
    return std::unique_ptr<ConsoleSession>(*opened);
}

void ConsoleScreensTest::statusBarReportsReachableReadyAndRedis()
{
    auto session = openSession(true);
    ConnectionStatus status;
    status.setSession(session.get());
    session->liveSource()->start();
    using State = ConnectionStatus::State;
    QVERIFY(waitUntil(&status, &ConnectionStatus::changed, [&] {
        return status.reachability() == State::Good && status.readiness() == State::Good && status.redis() == State::Good;
    }));
    // A local-engine profile cannot be opened yet, and says why.
    ConnectionProfile local = profile(false);
    local.kind = ProfileKind::LocalEngine;
    const auto refused = ConsoleSession::open(local);
    QVERIFY(!refused.has_value());
    QVERIFY(refused.error().contains(QStringLiteral("Local engine")));
}

void ConsoleScreensTest::playgroundSendShowsAcceptedThenDuplicateThenInvalid()
{
    auto session = openSession(false);
    PlaygroundScreen screen;
    screen.setSession(session.get());
    screen.setChannel(QStringLiteral("voice"));
    QVERIFY(screen.selectTenant(QStringLiteral("acme")));
    QVERIFY(screen.issues().isEmpty());
    QSignalSpy shown(&screen, &PlaygroundScreen::responseShown);
    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), 202);
    HistoryModel* history = screen.historyModel();
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->entryAt(0).channel, QStringLiteral("voice"));
    QCOMPARE(history->entryAt(0).tenantId, QStringLiteral("acme"));
    QVERIFY(history->entryAt(0).responseHeaders.contains(QStringLiteral("RateLimit-Limit"), Qt::CaseInsensitive));
    QCOMPARE(QJsonDocument::fromJson(history->entryAt(0).responseBody).object().value(QLatin1String("status")).toString(),
             QStringLiteral("accepted"));
    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(history->entryAt(0).responseBody).object().value(QLatin1String("eventId")),
             QJsonDocument::fromJson(history->entryAt(1).responseBody).object().value(QLatin1String("eventId")));
    screen.setPayload(R"({"providerMessageId":"bad-1","from":"123","to":"+14155550199","direction":"sideways",
        "status":"completed","durationSeconds":5})");
    QCOMPARE(screen.issues().size(), 2);
    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), 400);
    QCOMPARE(history->rowCount(), 3);
    const QJsonObject error = QJsonDocument::fromJson(history->entryAt(0).responseBody).object();
    QCOMPARE(error.value(QLatin1String("error")).toString(), QStringLiteral("validation_failed"));
}

void ConsoleScreensTest::replayVerdictPassesForConcurrentDuplicates()
{
    auto session = openSession(false);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("chat"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("chat")), 40, 8);
    QSignalSpy verdicts(&screen, &ReplayScreen::verdictReady);
    screen.run();
    QVERIFY(screen.isRunning());
    QVERIFY(verdicts.wait(kLongWaitMs));
    const ReplayVerdict verdict = screen.lastVerdict();
    QVERIFY2(verdict.passed, qPrintable(verdict.evidence));
    QCOMPARE(verdict.accepted, 1);
    QCOMPARE(verdict.duplicates, 39);
    QCOMPARE(verdict.others, 0);
    QCOMPARE(verdict.storedRows, std::optional<qint64>(1));
    QCOMPARE(verdict.tenantId, QStringLiteral("acme"));
    QCOMPARE(screen.outcomeModel()->count(ReplayOutcomeModel::AcceptedRow), 1);
    QCOMPARE(screen.outcomeModel()->count(ReplayOutcomeModel::DuplicateRow), 39);
    QVERIFY(verdict.evidence.contains(QStringLiteral("/v1/admin/events/count")));
}

void ConsoleScreensTest::dlqReplaysOneEntryAndDeletesAnotherAfterConfirmation()
{
    auto session = openSession(false);
    for (const QString& id : {QStringLiteral("dlq-a"), QStringLiteral("dlq-b")}) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/ingest/sms");
        request.body = failingSms(id);
        request.auth = ApiAuth::Tenant;
        request.tenantKey = QStringLiteral("key-dlq");
        QCOMPARE(sendAndWait(session->backend(), request).status, 202);
    }
    DlqScreen screen;
    screen.setSession(session.get());
    DlqTableModel* model = screen.model();
    const auto entriesOfDlqTenant = [model] {
        int count = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            count += model->entryAt(row).tenantId == QLatin1String("dlq") ? 1 : 0;
        return count;
    };
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded, [&] {
        if (entriesOfDlqTenant() == 2)
            return true;
        QTimer::singleShot(300, &screen, &DlqScreen::refresh);
        return false;
    }));
    QString replayId;
    QString deleteId;
    for (int row = 0; row < model->rowCount(); ++row) {
        const DlqEntry& entry = model->entryAt(row);
        if (entry.providerMessageId == QLatin1String("dlq-a"))
            replayId = entry.id;
        if (entry.providerMessageId == QLatin1String("dlq-b"))
            deleteId = entry.id;
    }
    QVERIFY(!replayId.isEmpty() && !deleteId.isEmpty());
    QCOMPARE(model->entryAt(0).lastError.isEmpty(), false);

    QSignalSpy jobs(&screen, &DlqScreen::jobFinished);
    screen.replayIds({replayId, QStringLiteral("00000000-0000-7000-8000-000000000000")});
    QVERIFY(jobs.wait(20000));
    QCOMPARE(jobs.takeFirst(), (QVariantList{1, 1, false}));

    int asked = 0;
    screen.setConfirmation([&asked](const QString&, const QString&) {
        ++asked;
        return true;
    });
    screen.deleteIds({deleteId});
    QVERIFY(jobs.wait(20000));
    QCOMPARE(jobs.takeFirst(), (QVariantList{1, 0, false}));
    QCOMPARE(asked, 1);
    // The deleted entry is gone for good; the replayed one fails again in
    // simulation mode and comes back with its attempts counted afresh.
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded, [&] {
        const QStringList ids = model->filteredIds();
        if (!ids.contains(deleteId) && ids.contains(replayId))
            return true;
        QTimer::singleShot(300, &screen, &DlqScreen::refresh);
        return false;
    }));
    ApiRequest count;
    count.path = QStringLiteral("/v1/admin/events/count");
    count.query.addQueryItem(QStringLiteral("tenantId"), QStringLiteral("dlq"));
    count.auth = ApiAuth::Admin;
    QCOMPARE(sendAndWait(session->backend(), count).body, QByteArray(R"({"count":0})"));
}

void ConsoleScreensTest::dlqDeleteDeclinedLeavesTheEntry()
{
    auto session = openSession(false);
    DlqScreen screen;
    screen.setSession(session.get());
    QSignalSpy loaded(&screen, &DlqScreen::loaded);
    QVERIFY(loaded.wait(20000));
    QVERIFY(screen.model()->totalCount() >= 1);
    const QString id = screen.model()->entryAt(0).id;
    screen.setConfirmation([](const QString&, const QString&) { return false; });
    screen.deleteIds({id});
    QVERIFY(!screen.isJobRunning());
    QVERIFY(screen.model()->filteredIds().contains(id));
}

void ConsoleScreensTest::rateLimitViewShowsAThrottledTenant()
{
    auto session = openSession(true);
    RateLimitScreen screen;
    screen.setSession(session.get());
    session->liveSource()->start();
    bool sawThrottled = false;
    connect(&screen, &RateLimitScreen::snapshotApplied, this, [&] {
        const int row = screen.bucketModel()->rowOf(QStringLiteral("tiny"));
        if (row >= 0 && screen.bucketModel()->isThrottled(row))
            sawThrottled = true;
    });
    QSignalSpy finished(&screen, &RateLimitScreen::burstFinished);
    screen.startBurst(QStringLiteral("tiny"), 40, 2);
    QVERIFY(screen.isBurstRunning());
    QVERIFY(finished.wait(kLongWaitMs));
    BurstSeriesModel* burst = screen.burstModel();
    const qint64 accepted = burst->total(BurstSeriesModel::AcceptedColumn);
    const qint64 throttled = burst->total(BurstSeriesModel::ThrottledColumn);
    QCOMPARE(burst->total(BurstSeriesModel::OtherColumn), 0);
    QCOMPARE(accepted + throttled, 80);
    QVERIFY2(accepted >= 3 && accepted <= 4, qPrintable(QString::number(accepted)));
    QVERIFY(waitUntil(&screen, &RateLimitScreen::snapshotApplied, [&] {
        return sawThrottled && screen.throttleModel()->totalFor(QStringLiteral("tiny")) == throttled;
    }));
    const int row = screen.bucketModel()->rowOf(QStringLiteral("tiny"));
    QCOMPARE(screen.bucketModel()->tenantAt(row).capacity, 3.0);
    QCOMPARE(screen.bucketModel()->tenantAt(row).rateLimited, throttled);
}

void ConsoleScreensTest::dashboardShowsLiveFiguresFromRedis()
{
    auto session = openSession(true);
    DashboardScreen screen;
    screen.setSession(session.get());
    screen.setWindowMinutes(1);
    session->liveSource()->start();
    QVERIFY(waitUntil(&screen, &DashboardScreen::snapshotApplied, [&] {
        const int row = screen.tenantModel()->rowOf(QStringLiteral("acme"));
        return row >= 0 && screen.tenantModel()->tenantAt(row).accepted >= 2 && screen.statsModel()->rowCount() == 60;
    }));
    qint64 acceptedInWindow = 0;
    for (int row = 0; row < screen.statsModel()->rowCount(); ++row)
        acceptedInWindow += screen.statsModel()->pointAt(row).value(Figure::Accepted);
    QVERIFY(acceptedInWindow >= 1);
    screen.setPaused(true);
    QSignalSpy applied(&screen, &DashboardScreen::snapshotApplied);
    QTest::qWait(2500);
    QCOMPARE(applied.count(), 0);
}

void ConsoleScreensTest::dashboardFallsBackToTheAdminApiWithoutRedis()
{
    auto session = openSession(false);
    DashboardScreen screen;
    screen.setSession(session.get());
    screen.setWindowMinutes(5);
    session->liveSource()->start();
    QVERIFY(waitUntil(&screen, &DashboardScreen::snapshotApplied, [&] {
        return screen.tenantModel()->rowOf(QStringLiteral("acme")) >= 0;
    }));
    QVERIFY(screen.statsModel()->rowCount() > 0);
    QVERIFY(screen.statsModel()->rowCount() <= 300);
}

void ConsoleScreensTest::apiDocsCopyCurlForTheCurrentServer()
{
    auto session = openSession(false);
    ApiDocsScreen screen;
    screen.setSession(session.get());
    QVERIFY(screen.copyCurl(1)); // POST /v1/ingest/sms, after chat
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.contains(m_server->baseUrl().toString() + QStringLiteral("/v1/ingest/sms")));
    QVERIFY(copied.contains(QStringLiteral("Bearer key-acme")));
    QVERIFY(!screen.html().contains(QStringLiteral("key-acme")));
    QVERIFY(!screen.copyCurl(999));
    // The copied command really works against the server.
    QProcess curl;
    curl.start(QStringLiteral("sh"), {QStringLiteral("-c"), copied});
    QVERIFY(curl.waitForFinished(20000));
    QVERIFY2(curl.readAllStandardOutput().startsWith("HTTP/1.1 202"), "the copied curl was not accepted");
}

QTEST_MAIN(ConsoleScreensTest)
#include "tst_console_screens.moc"
