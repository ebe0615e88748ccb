#include "apidocs/api_docs_screen.h"
#include "app/about_box.h"
#include "app/connection_status.h"
#include "app/console_session.h"
#include "backend/admin_json.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "live/live_source.h"
#include "models/bucket_table_model.h"
#include "models/burst_series_model.h"
#include "models/depth_series_model.h"
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

#include "mccig/redis/idempotency_record.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QProgressBar>
#include <QSpinBox>
#include <QTableView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QtTest>

#include <memory>

Q_DECLARE_METATYPE(mccig::console::ApiResponse)
Q_DECLARE_METATYPE(mccig::console::DeliveryFormat)

using namespace mccig::console;

namespace {

constexpr int kRedisDb = 13;
constexpr int kLongWaitMs = 60000;
const QString kAdminKey = QStringLiteral("admin-screens");
// The provider secrets stored for acme (docs/api.md §6), typed into the playground.
const QString kTwilioToken = QStringLiteral("4f0c8d2b6a1e9f3c7d5b8a2e6f1c9d3b");
const QString kAppSecret = QStringLiteral("b2e6f1c9d3b4f0c8d2b6a1e9f3c7d5b8");
const QString kStandardSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

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

// A wamid as the gateway stores it: every character outside [A-Za-z0-9._-]
// written as ':' and two hex digits (docs/api.md §6).
QString storedProviderMessageId(const QString& id)
{
    QString stored;
    for (const QChar c : id) {
        if (c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-'))
            stored += c;
        else
            stored += QStringLiteral(":%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
    }
    return stored;
}

qint64 storedEventCount(ConsoleBackend* backend, const QString& providerMessageId)
{
    ApiRequest count;
    count.path = QStringLiteral("/v1/admin/events/count");
    count.query.addQueryItem(QStringLiteral("tenantId"), QStringLiteral("acme"));
    count.query.addQueryItem(QStringLiteral("providerMessageId"), storedProviderMessageId(providerMessageId));
    count.auth = ApiAuth::Admin;
    return QJsonDocument::fromJson(sendAndWait(backend, count).body).object().value(QLatin1String("count")).toInteger(-1);
}

void storeWebhookSecret(ConsoleBackend* backend, const QString& provider, const QString& secret)
{
    ApiRequest store;
    store.method = "POST";
    store.path = QStringLiteral("/v1/admin/webhooks");
    store.auth = ApiAuth::Admin;
    store.body = QJsonDocument(QJsonObject{{QStringLiteral("tenantId"), QStringLiteral("acme")},
                                           {QStringLiteral("provider"), provider},
                                           {QStringLiteral("secret"), secret}})
                     .toJson(QJsonDocument::Compact);
    if (const ApiResponse stored = sendAndWait(backend, store); stored.status != 201)
        qFatal("cannot store the %s secret: %d %s", qPrintable(provider), stored.status, stored.body.constData());
}

} // namespace

class ConsoleScreensTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void statusBarReportsReachableReadyAndRedis();
    void playgroundSendShowsAcceptedThenDuplicateThenInvalid();
    void playgroundKeepsADraftPerFormatAndTheProvidersChannel();
    void playgroundSendsSignedProviderDeliveriesStoredOnce_data();
    void playgroundSendsSignedProviderDeliveriesStoredOnce();
    void playgroundProviderDeliveryWithAWrongSecretOrUrlIs401_data();
    void playgroundProviderDeliveryWithAWrongSecretOrUrlIs401();
    void playgroundRefusesAnUnusableProviderSecretAndSendsNothing_data();
    void playgroundRefusesAnUnusableProviderSecretAndSendsNothing();
    void replayVerdictPassesForConcurrentDuplicates();
    void replayRerunUsesAFreshIdAndAPinnedIdExpectsOnlyDuplicates();
    void replayVerdictIsInconclusiveForAnIdUsedElsewhere();
    void replayVerdictIsInconclusiveWhenAdminAccessIsRefused();
    void replayVerdictIsInconclusiveWhenTheServerIsUnreachable();
    void replayVerdictFailsWhenThePinnedIdIsAcceptedAgain();
    void replayOpensReadyAndForgetsTheResultOfTheLastProfile();
    void dlqReplaysOneEntryAndDeletesAnotherAfterConfirmation();
    void dlqDeleteDeclinedLeavesTheEntry();
    void dlqReplaySelectedAsksFirstAndReportsTheResult();
    void dlqFollowsTheLiveDepthAndReloadsWhenShown();
    void dlqRefusedAdminKeyReadsAsAnErrorNotAnEmptyQueue();
    void statusBarCallsOutARefusedAdminKey();
    void rateLimitViewShowsAThrottledTenant();
    void dashboardShowsLiveFiguresFromRedis();
    void dashboardFallsBackToTheAdminApiWithoutRedis();
    void dashboardFillsTheDepthHistoryFromTheServerAtConnect();
    void apiDocsCopyCurlForTheCurrentServer();
    void aboutBoxShowsVersionsAndLicence();
    void dlqLoadsEveryPageTheServerHas(); // last: leaves hundreds of dead letters

private:
    ConnectionProfile profile(bool withRedis) const;
    std::unique_ptr<ConsoleSession> openSession(bool withRedis) const;
    std::unique_ptr<ConsoleSession> openSessionWith(const ConnectionProfile& profile) const;
    ReplayVerdict runReplay(ReplayScreen& screen);
    void sendFailures(ConsoleSession* session, int count);

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
                             // acme sends the replay bursts: its bucket stays out of their way.
                             QStringLiteral("tiny=3:0.1,acme=100000:100000"), QStringLiteral("--simulation-mode"),
                             QStringLiteral("--max-attempts"), QStringLiteral("2"),
                             QStringLiteral("--retry-base-ms"), QStringLiteral("50")}));
    auto session = openSession(false);
    storeWebhookSecret(session->backend(), QStringLiteral("twilio"), kTwilioToken);
    storeWebhookSecret(session->backend(), QStringLiteral("whatsapp"), kAppSecret);
    storeWebhookSecret(session->backend(), QStringLiteral("standard"), kStandardSecret);
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
    return openSessionWith(profile(withRedis));
}

std::unique_ptr<ConsoleSession> ConsoleScreensTest::openSessionWith(const ConnectionProfile& profile) const
{
    auto opened = ConsoleSession::open(profile);
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

void ConsoleScreensTest::playgroundKeepsADraftPerFormatAndTheProvidersChannel()
{
    PlaygroundScreen screen;
    screen.setFormat(DeliveryFormat::StandardWebhooks);
    screen.setChannel(QStringLiteral("chat"));
    const QByteArray edited = R"({"providerMessageId":"edited-1","conversationId":"c","text":"hi"})";
    screen.setPayload(edited);
    screen.setFormat(DeliveryFormat::TwilioVoice);
    QCOMPARE(screen.channel(), QStringLiteral("voice"));
    screen.setChannel(QStringLiteral("chat"));
    QCOMPARE(screen.channel(), QStringLiteral("voice"));
    const QString callSid = deliveryMessageId(DeliveryFormat::TwilioVoice, screen.payload());
    QVERIFY(callSid.startsWith(QLatin1String("CA")));
    screen.newMessageId();
    const QString renewed = deliveryMessageId(DeliveryFormat::TwilioVoice, screen.payload());
    QVERIFY(renewed.startsWith(QLatin1String("CA")) && renewed != callSid);
    screen.setPayload("not json");
    QCOMPARE(screen.issues().size(), 1);
    screen.setFormat(DeliveryFormat::StandardWebhooks);
    screen.setChannel(QStringLiteral("chat"));
    QCOMPARE(screen.payload(), edited);
    screen.setFormat(DeliveryFormat::TwilioVoice);
    QCOMPARE(screen.payload(), QByteArray("not json"));
    screen.setFormat(DeliveryFormat::Gateway);
    screen.setChannel(QStringLiteral("sms"));
    QVERIFY(screen.issues().isEmpty());
    QVERIFY(providerMessageIdOf(screen.payload()).startsWith(QLatin1String("pg-")));
}

void ConsoleScreensTest::playgroundSendsSignedProviderDeliveriesStoredOnce_data()
{
    QTest::addColumn<DeliveryFormat>("format");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<int>("acceptedStatus");
    QTest::addColumn<int>("duplicateStatus");
    QTest::newRow("Twilio SMS") << DeliveryFormat::TwilioSms << QStringLiteral("sms") << kTwilioToken << 200 << 200;
    QTest::newRow("Twilio voice") << DeliveryFormat::TwilioVoice << QStringLiteral("voice") << kTwilioToken << 200 << 200;
    QTest::newRow("WhatsApp Cloud") << DeliveryFormat::WhatsApp << QStringLiteral("chat") << kAppSecret << 200 << 200;
    QTest::newRow("Standard Webhooks") << DeliveryFormat::StandardWebhooks << QStringLiteral("voice") << kStandardSecret
                                       << 202 << 200;
}

// Each provider's sample, signed by the playground as the provider signs it
// (the signatures themselves are judged by the providers' libraries in
// tst_console_webhook_signing), is stored once; sent again it is a duplicate.
void ConsoleScreensTest::playgroundSendsSignedProviderDeliveriesStoredOnce()
{
    QFETCH(DeliveryFormat, format);
    QFETCH(QString, channel);
    QFETCH(QString, secret);
    QFETCH(int, acceptedStatus);
    QFETCH(int, duplicateStatus);
    auto session = openSession(false);
    PlaygroundScreen screen;
    screen.setSession(session.get());
    screen.setFormat(format);
    screen.setChannel(channel);
    QCOMPARE(screen.channel(), channel);
    QVERIFY(screen.selectTenant(QStringLiteral("acme")));
    screen.setProviderSecret(secret);
    QVERIFY(screen.issues().isEmpty());
    QSignalSpy shown(&screen, &PlaygroundScreen::responseShown);
    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), acceptedStatus);
    const HistoryEntry accepted = screen.historyModel()->entryAt(0);
    QCOMPARE(accepted.format, deliveryFormatKey(format));
    QCOMPARE(accepted.channel, channel);
    QVERIFY(!accepted.providerMessageId.isEmpty());
    if (format == DeliveryFormat::TwilioSms || format == DeliveryFormat::TwilioVoice)
        QCOMPARE(screen.responseBodyText(), QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)"));
    if (format == DeliveryFormat::WhatsApp)
        QCOMPARE(QJsonDocument::fromJson(accepted.responseBody).object().value(QLatin1String("accepted")).toInt(), 1);
    // The worker stores it after the answer.
    QTRY_COMPARE_WITH_TIMEOUT(storedEventCount(session->backend(), accepted.providerMessageId), qint64(1), kLongWaitMs);

    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), duplicateStatus);
    const QJsonObject answer = QJsonDocument::fromJson(screen.historyModel()->entryAt(0).responseBody).object();
    if (format == DeliveryFormat::WhatsApp)
        QCOMPARE(answer.value(QLatin1String("duplicates")).toInt(), 1);
    if (format == DeliveryFormat::StandardWebhooks)
        QCOMPARE(answer.value(QLatin1String("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(storedEventCount(session->backend(), accepted.providerMessageId), 1);
}

void ConsoleScreensTest::playgroundProviderDeliveryWithAWrongSecretOrUrlIs401_data()
{
    QTest::addColumn<DeliveryFormat>("format");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("publicUrl");
    QTest::newRow("Twilio, wrong token") << DeliveryFormat::TwilioSms << kTwilioToken.toUpper() << QString();
    QTest::newRow("Twilio, another public URL")
        << DeliveryFormat::TwilioVoice << kTwilioToken << QStringLiteral("https://gw.example.com");
    QTest::newRow("WhatsApp, wrong app secret") << DeliveryFormat::WhatsApp << kAppSecret.left(31) << QString();
    QTest::newRow("Standard, another whsec_")
        << DeliveryFormat::StandardWebhooks << QStringLiteral("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD") << QString();
}

void ConsoleScreensTest::playgroundProviderDeliveryWithAWrongSecretOrUrlIs401()
{
    QFETCH(DeliveryFormat, format);
    QFETCH(QString, secret);
    QFETCH(QString, publicUrl);
    auto session = openSession(false);
    PlaygroundScreen screen;
    screen.setSession(session.get());
    screen.setFormat(format);
    QVERIFY(screen.selectTenant(QStringLiteral("acme")));
    screen.setProviderSecret(secret);
    screen.setPublicUrl(publicUrl);
    QSignalSpy shown(&screen, &PlaygroundScreen::responseShown);
    screen.send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.takeFirst().at(0).toInt(), 401);
    const HistoryEntry refused = screen.historyModel()->entryAt(0);
    QCOMPARE(QJsonDocument::fromJson(refused.responseBody).object().value(QLatin1String("error")).toString(),
             QStringLiteral("invalid_signature"));
    QCOMPARE(storedEventCount(session->backend(), refused.providerMessageId), 0);
}

void ConsoleScreensTest::playgroundRefusesAnUnusableProviderSecretAndSendsNothing_data()
{
    QTest::addColumn<DeliveryFormat>("format");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("Twilio, empty") << DeliveryFormat::TwilioSms << QString()
                                   << QStringLiteral("Type the provider secret stored for the tenant: nothing was sent.");
    QTest::newRow("WhatsApp, empty") << DeliveryFormat::WhatsApp << QString()
                                     << QStringLiteral("Type the provider secret stored for the tenant: nothing was sent.");
    QTest::newRow("Standard, no whsec_") << DeliveryFormat::StandardWebhooks
                                         << QStringLiteral("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                                         << QStringLiteral("A Standard Webhooks secret starts with whsec_: nothing was sent.");
    QTest::newRow("Standard, not base64") << DeliveryFormat::StandardWebhooks << QStringLiteral("whsec_***")
                                          << QStringLiteral("After whsec_ a Standard Webhooks secret is base64: nothing was sent.");
}

void ConsoleScreensTest::playgroundRefusesAnUnusableProviderSecretAndSendsNothing()
{
    QFETCH(DeliveryFormat, format);
    QFETCH(QString, secret);
    QFETCH(QString, message);
    auto session = openSession(false);
    PlaygroundScreen screen;
    screen.setSession(session.get());
    screen.setFormat(format);
    QVERIFY(screen.selectTenant(QStringLiteral("acme")));
    screen.setProviderSecret(secret);
    QSignalSpy shown(&screen, &PlaygroundScreen::responseShown);
    QSignalSpy refused(&screen, &PlaygroundScreen::deliveryRefused);
    screen.send();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), message);
    QVERIFY(!shown.wait(500));
    QCOMPARE(screen.historyModel()->rowCount(), 0);
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
    QVERIFY2(verdict.passed(), qPrintable(verdict.evidence));
    QCOMPARE(verdict.outcome, ReplayVerdict::Outcome::Pass);
    QCOMPARE(verdict.accepted, 1);
    QCOMPARE(verdict.duplicates, 39);
    QCOMPARE(verdict.others, 0);
    QCOMPARE(verdict.storedRows, std::optional<qint64>(1));
    QCOMPARE(verdict.tenantId, QStringLiteral("acme"));
    QCOMPARE(screen.outcomeModel()->count(ReplayOutcomeModel::AcceptedRow), 1);
    QCOMPARE(screen.outcomeModel()->count(ReplayOutcomeModel::DuplicateRow), 39);
    QVERIFY(verdict.evidence.contains(QStringLiteral("/v1/admin/events/count")));
    QVERIFY(screen.verdictText().contains(QStringLiteral("PASS")));
}

ReplayVerdict ConsoleScreensTest::runReplay(ReplayScreen& screen)
{
    QSignalSpy verdicts(&screen, &ReplayScreen::verdictReady);
    screen.run();
    if (!verdicts.wait(kLongWaitMs))
        qFatal("no replay verdict");
    return screen.lastVerdict();
}

// Bug: a second run with the same id gave 0 × 202, N × 200, one row and
// read FAIL, although exactly-once held.
void ConsoleScreensTest::replayRerunUsesAFreshIdAndAPinnedIdExpectsOnlyDuplicates()
{
    auto session = openSession(false);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("sms"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("sms")), 12, 4);
    const ReplayVerdict first = runReplay(screen);
    QVERIFY2(first.passed(), qPrintable(first.evidence));

    const ReplayVerdict rerun = runReplay(screen);
    QVERIFY2(rerun.passed(), qPrintable(rerun.evidence));
    QVERIFY(rerun.providerMessageId != first.providerMessageId);
    QCOMPARE(providerMessageIdOf(screen.payloadText().toUtf8()), rerun.providerMessageId);

    screen.setIdPinned(true);
    const ReplayVerdict pinned = runReplay(screen);
    QVERIFY2(pinned.passed(), qPrintable(pinned.evidence));
    QCOMPARE(pinned.providerMessageId, rerun.providerMessageId);
    QCOMPARE(pinned.accepted, 0);
    QCOMPARE(pinned.duplicates, 12);
    QCOMPARE(pinned.expectedAccepted, 0);
    QCOMPARE(pinned.storedRows, std::optional<qint64>(1));
    QVERIFY(pinned.evidence.contains(QStringLiteral("pinned")));
}

void ConsoleScreensTest::replayVerdictIsInconclusiveForAnIdUsedElsewhere()
{
    auto session = openSession(false);
    const QByteArray payload = payloadTemplate(QStringLiteral("chat"));
    ApiRequest earlier;
    earlier.method = "POST";
    earlier.path = QStringLiteral("/v1/ingest/chat");
    earlier.body = payload;
    earlier.auth = ApiAuth::Tenant;
    earlier.tenantKey = QStringLiteral("key-acme");
    QCOMPARE(sendAndWait(session->backend(), earlier).status, 202);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("chat"), QStringLiteral("acme"), payload, 10, 4);
    const ReplayVerdict verdict = runReplay(screen);
    QCOMPARE(verdict.outcome, ReplayVerdict::Outcome::Inconclusive);
    QCOMPARE(verdict.accepted, 0);
    QCOMPARE(verdict.duplicates, 10);
    QVERIFY2(verdict.reason.contains(QStringLiteral("already used")), qPrintable(verdict.reason));
    QVERIFY(screen.verdictText().contains(QStringLiteral("INCONCLUSIVE")));
}

// Bug: a wrong admin key made the count request answer 401 and the verdict FAIL.
void ConsoleScreensTest::replayVerdictIsInconclusiveWhenAdminAccessIsRefused()
{
    ConnectionProfile wrongKey = profile(false);
    wrongKey.adminKey = QStringLiteral("not-the-admin-key");
    auto session = openSessionWith(wrongKey);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("voice"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("voice")), 10, 4);
    const ReplayVerdict verdict = runReplay(screen);
    QCOMPARE(verdict.outcome, ReplayVerdict::Outcome::Inconclusive);
    QCOMPARE(verdict.accepted, 1);
    QCOMPARE(verdict.duplicates, 9);
    QVERIFY(!verdict.storedRows.has_value());
    QVERIFY2(verdict.reason.contains(QStringLiteral("admin access was refused (HTTP 401)")), qPrintable(verdict.reason));
}

void ConsoleScreensTest::replayVerdictIsInconclusiveWhenTheServerIsUnreachable()
{
    ConnectionProfile nowhere = profile(false);
    nowhere.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    auto session = openSessionWith(nowhere);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("sms"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("sms")), 4, 2);
    const ReplayVerdict verdict = runReplay(screen);
    QCOMPARE(verdict.outcome, ReplayVerdict::Outcome::Inconclusive);
    QCOMPARE(verdict.others, 4);
    QVERIFY2(verdict.reason.contains(QStringLiteral("unreachable")), qPrintable(verdict.reason));
}

// The gateway breaking its promise: the idempotency record of a pinned id is
// lost (deleted from Redis), so a re-send is accepted a second time.
void ConsoleScreensTest::replayVerdictFailsWhenThePinnedIdIsAcceptedAgain()
{
    auto session = openSession(false);
    ReplayScreen screen;
    screen.setSession(session.get());
    screen.setPlan(QStringLiteral("sms"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("sms")), 6, 2);
    const ReplayVerdict first = runReplay(screen);
    QVERIFY2(first.passed(), qPrintable(first.evidence));
    const auto endpoint = mccig::parseRedisUrl(mccig::test::redisUrlForDatabase(kRedisDb).toStdString());
    QVERIFY(endpoint.has_value());
    mccig::RedisSyncConnection redis(*endpoint, std::chrono::seconds(10));
    const auto deleted = redis.command(
        {"DEL", mccig::idempotencyRecordKey("acme", mccig::Channel::Sms, first.providerMessageId.toStdString())});
    QVERIFY(deleted.has_value());
    QCOMPARE(deleted->integer, 1LL);
    screen.setIdPinned(true);
    const ReplayVerdict again = runReplay(screen);
    QCOMPARE(again.outcome, ReplayVerdict::Outcome::Fail);
    QCOMPARE(again.accepted, 1);
    QCOMPARE(again.expectedAccepted, 0);
    QVERIFY2(again.reason.contains(QStringLiteral("accepted (202)")), qPrintable(again.reason));
    QVERIFY(screen.verdictText().contains(QStringLiteral("FAIL")));
}

// Bug: the screen opened with a large "Not connected" and "0 of 100" while
// connected with N = 50, and kept the previous profile's result.
void ConsoleScreensTest::replayOpensReadyAndForgetsTheResultOfTheLastProfile()
{
    auto session = openSession(false);
    ReplayScreen screen;
    screen.setSession(session.get());
    QCOMPARE(screen.verdictText(), QStringLiteral("No verification run yet"));
    auto* progress = screen.findChild<QProgressBar*>(QStringLiteral("progressBar"));
    QVERIFY(progress != nullptr);
    QCOMPARE(progress->maximum(), screen.findChild<QSpinBox*>(QStringLiteral("sendsSpin"))->value());
    screen.setPlan(QStringLiteral("sms"), QStringLiteral("acme"), payloadTemplate(QStringLiteral("sms")), 5, 2);
    QCOMPARE(progress->maximum(), 5);
    const ReplayVerdict verdict = runReplay(screen);
    QVERIFY2(verdict.passed(), qPrintable(verdict.reason));
    QVERIFY(!screen.evidenceText().isEmpty());

    auto other = openSession(false);
    screen.setSession(other.get());
    QCOMPARE(screen.verdictText(), QStringLiteral("No verification run yet"));
    QVERIFY(screen.evidenceText().isEmpty());
    QCOMPARE(screen.outcomeModel()->total(), 0);
    QCOMPARE(screen.lastVerdict().outcome, ReplayVerdict::Outcome::Pending);
    QCOMPARE(progress->value(), 0);
    screen.setSession(nullptr);
    QCOMPARE(screen.verdictText(), QStringLiteral("Not connected"));
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
    QCOMPARE(screen.statusText(), QStringLiteral("Replayed 1, 1 failed"));

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

void ConsoleScreensTest::sendFailures(ConsoleSession* session, int count)
{
    for (int i = 0; i < count; ++i) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/ingest/sms");
        request.body = failingSms(QStringLiteral("dlq-follow-%1").arg(QDateTime::currentMSecsSinceEpoch() * 10 + i));
        request.auth = ApiAuth::Tenant;
        request.tenantKey = QStringLiteral("key-dlq");
        QCOMPARE(sendAndWait(session->backend(), request).status, 202);
    }
}

// Polish: "Replay selected" asks first and says what happened.
void ConsoleScreensTest::dlqReplaySelectedAsksFirstAndReportsTheResult()
{
    auto session = openSession(false);
    DlqScreen screen;
    screen.setSession(session.get());
    QSignalSpy loaded(&screen, &DlqScreen::loaded);
    QVERIFY(loaded.wait(20000));
    QVERIFY(screen.model()->totalCount() >= 1);
    screen.view()->selectRow(0);
    QCOMPARE(screen.selectedIds().size(), 1);
    int asked = 0;
    bool agree = false;
    screen.setConfirmation([&](const QString& title, const QString&) {
        ++asked;
        return title == QStringLiteral("Replay selected") && agree;
    });
    screen.replaySelected();
    QCOMPARE(asked, 1);
    QVERIFY(!screen.isJobRunning());
    agree = true;
    QSignalSpy jobs(&screen, &DlqScreen::jobFinished);
    screen.replaySelected();
    QCOMPARE(asked, 2);
    QVERIFY(jobs.wait(20000));
    QCOMPARE(jobs.takeFirst(), (QVariantList{1, 0, false}));
    QCOMPARE(screen.statusText(), QStringLiteral("Replayed 1, 0 failed"));
}

// Bug: the list loaded once per session, so it read "0 in the queue" while
// the dashboard showed 20.
void ConsoleScreensTest::dlqFollowsTheLiveDepthAndReloadsWhenShown()
{
    auto session = openSession(true);
    DlqScreen screen;
    screen.setSession(session.get());
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    session->liveSource()->start();
    qint64 liveDepth = -1;
    connect(session->liveSource(), &LiveSource::snapshotReady, this,
            [&liveDepth](const LiveSnapshot& snapshot) { liveDepth = snapshot.dlqDepth; });
    const auto listMatchesTheLiveDepth = [&] { return liveDepth >= 0 && screen.model()->totalCount() == liveDepth; };
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded, listMatchesTheLiveDepth));
    const qint64 before = screen.model()->totalCount();

    // Hidden: new failures arrive; showing the page brings them in.
    screen.hide();
    sendFailures(session.get(), 2);
    QVERIFY(waitUntil(session->liveSource(), &LiveSource::snapshotReady, [&] { return liveDepth >= before + 2; }));
    QSignalSpy reloads(&screen, &DlqScreen::loaded);
    screen.show();
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded, listMatchesTheLiveDepth));
    QVERIFY(reloads.count() >= 1);
    QVERIFY(screen.model()->totalCount() >= before + 2);

    // Shown: the list follows the depth without anyone pressing Refresh.
    sendFailures(session.get(), 2);
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded,
                      [&] { return screen.model()->totalCount() >= before + 4 && listMatchesTheLiveDepth(); }));
    QVERIFY2(screen.pagerText().endsWith(QStringLiteral("%1 in the queue").arg(screen.model()->totalCount())),
             qPrintable(screen.pagerText()));
}

// Bug: a 401 read as "0 in the queue".
void ConsoleScreensTest::dlqRefusedAdminKeyReadsAsAnErrorNotAnEmptyQueue()
{
    ConnectionProfile wrongKey = profile(false);
    wrongKey.adminKey = QStringLiteral("not-the-admin-key");
    auto session = openSessionWith(wrongKey);
    DlqScreen screen;
    QSignalSpy failed(&screen, &DlqScreen::loadFailed);
    screen.setSession(session.get());
    QVERIFY(failed.wait(20000));
    QVERIFY(screen.hasLoadError());
    QCOMPARE(screen.pagerText(), QStringLiteral("Queue depth unknown"));
    QVERIFY2(screen.statusText().contains(QStringLiteral("the admin key was refused (HTTP 401)")),
             qPrintable(screen.statusText()));
    QCOMPARE(screen.model()->totalCount(), 0);
}

// Bug: with a wrong admin key the status bar stayed green.
void ConsoleScreensTest::statusBarCallsOutARefusedAdminKey()
{
    using State = ConnectionStatus::State;
    ConnectionProfile wrongKey = profile(true);
    wrongKey.adminKey = QStringLiteral("not-the-admin-key");
    auto refused = openSessionWith(wrongKey);
    ConnectionStatus status;
    status.setSession(refused.get());
    refused->liveSource()->start();
    QVERIFY(waitUntil(&status, &ConnectionStatus::changed, [&] {
        return status.admin() != State::Unknown && status.reachability() == State::Good && status.redis() == State::Good;
    }));
    QCOMPARE(status.admin(), State::Bad);
    QVERIFY2(status.adminText().contains(QStringLiteral("Admin key refused (HTTP 401)")), qPrintable(status.adminText()));

    auto accepted = openSession(false);
    status.setSession(accepted.get());
    QVERIFY(waitUntil(&status, &ConnectionStatus::changed, [&] { return status.admin() != State::Unknown; }));
    QCOMPARE(status.admin(), State::Good);
    QCOMPARE(status.redis(), State::NotConfigured);
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

// Polish: the depth chart started empty at connect, though the server's
// per-second counters lead back through the whole window.
void ConsoleScreensTest::dashboardFillsTheDepthHistoryFromTheServerAtConnect()
{
    auto sender = openSession(false);
    ApiRequest stats;
    stats.path = QStringLiteral("/v1/admin/stats");
    stats.query.addQueryItem(QStringLiteral("window"), QStringLiteral("1"));
    stats.auth = ApiAuth::Admin;
    const auto dlqDepth = [&] { return parseStatsBody(sendAndWait(sender->backend(), stats).body)->dlqDepth; };
    const qint64 before = dlqDepth();
    const qint64 sentAt = QDateTime::currentSecsSinceEpoch();
    QTest::qWait(1100); // a second that surely precedes the failures
    sendFailures(sender.get(), 2);
    QVERIFY(QTest::qWaitFor([&] { return dlqDepth() >= before + 2; }, kLongWaitMs));
    QTest::qWait(2000);

    auto session = openSession(false); // the admin API: GET /v1/admin/stats
    DashboardScreen screen;
    screen.setSession(session.get());
    screen.setWindowMinutes(5);
    QSignalSpy applied(&screen, &DashboardScreen::snapshotApplied);
    session->liveSource()->start();
    QVERIFY(applied.wait(20000));
    DepthSeriesModel* depth = screen.depthModel();
    const auto dlqAt = [depth](int row) { return depth->data(depth->index(row, DepthSeriesModel::DlqDepthColumn)).toLongLong(); };
    const auto secondAt = [depth](int row) { return depth->data(depth->index(row, 0), DepthSeriesModel::EpochSecondRole).toLongLong(); };
    QVERIFY2(depth->rowCount() > 3, qPrintable(QString::number(depth->rowCount())));
    QVERIFY(depth->rowCount() <= 300);
    const int last = depth->rowCount() - 1;
    QVERIFY(dlqAt(last) >= before + 2);
    int beforeTheFailures = -1;
    for (int row = 0; row < depth->rowCount(); ++row) {
        if (secondAt(row) < sentAt)
            beforeTheFailures = row;
        QVERIFY(row == 0 || secondAt(row) > secondAt(row - 1));
    }
    QVERIFY(beforeTheFailures >= 0);
    // Both failures were dead-lettered after that second, so the history
    // shows the DLQ at least two lower then.
    QVERIFY2(dlqAt(beforeTheFailures) <= dlqAt(last) - 2,
             qPrintable(QStringLiteral("%1 then, %2 now").arg(dlqAt(beforeTheFailures)).arg(dlqAt(last))));
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

void ConsoleScreensTest::aboutBoxShowsVersionsAndLicence()
{
    QCoreApplication::setApplicationVersion(QStringLiteral(MCCIG_PROJECT_VERSION));
    const AboutBox offline(nullptr);
    QVERIFY(offline.text().contains(QStringLiteral("MCC-IG Console " MCCIG_PROJECT_VERSION)));
    QVERIFY(offline.text().contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
    QVERIFY(offline.text().contains(QStringLiteral("Server: not connected")));
    QVERIFY(offline.text().contains(QStringLiteral("Apache License, Version 2.0")));

    auto session = openSession(false);
    AboutBox connected(session.get());
    QSignalSpy changed(&connected, &AboutBox::serverLineChanged);
    QVERIFY(changed.wait(20000));
    QVERIFY2(connected.text().contains(QStringLiteral("Server: mccig-server " MCCIG_PROJECT_VERSION " at ")),
             qPrintable(connected.text()));

    ApiResponse silent;
    silent.status = 200;
    silent.body = R"({"status":"ok"})";
    QVERIFY(AboutBox::serverVersionFrom(silent).isEmpty());
    silent.status = 503;
    silent.body = R"({"version":"9.9.9"})";
    QVERIFY(AboutBox::serverVersionFrom(silent).isEmpty());
}

// The server answers at most 500 dead letters a page: the screen follows the
// cursor to the end, so its paging, filters and "Replay all" see every entry.
void ConsoleScreensTest::dlqLoadsEveryPageTheServerHas()
{
    auto session = openSession(false);
    constexpr int kSent = DlqScreen::kFetchLimit + 100;
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < kSent; ++i) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/ingest/sms");
        request.body = failingSms(QStringLiteral("dlq-pages-%1-%2").arg(stamp).arg(i));
        request.auth = ApiAuth::Tenant;
        request.tenantKey = QStringLiteral("key-acme");
        QCOMPARE(sendAndWait(session->backend(), request).status, 202);
    }
    const auto serverTotal = [&] {
        ApiRequest request;
        request.path = QStringLiteral("/v1/admin/dlq");
        request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        request.auth = ApiAuth::Admin;
        const auto page = parseDlqBody(sendAndWait(session->backend(), request).body);
        return page ? page->total : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(serverTotal() >= kSent, 60000);
    const qint64 total = serverTotal();

    DlqScreen screen;
    screen.setSession(session.get());
    QVERIFY(waitUntil(&screen, &DlqScreen::loaded, [&] { return screen.model()->totalCount() == total; }));
    QVERIFY(total > DlqScreen::kFetchLimit);
    QString question;
    screen.setConfirmation([&question](const QString&, const QString& text) {
        question = text;
        return false;
    });
    screen.replayAll();
    QVERIFY2(question.contains(QString::number(total)), qPrintable(question));
}

QTEST_MAIN(ConsoleScreensTest)
#include "tst_console_screens.moc"
