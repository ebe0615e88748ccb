#include "apidocs/api_document.h"
#include "app/console_session.h"
#include "app/launch_options.h"
#include "app/main_window.h"
#include "connection/connection_dialog.h"
#include "connection/connection_profile.h"
#include "connection/memory_secret_store.h"
#include "connection/profile_store.h"
#include "connection/settings_secret_store.h"
#include "live/redis_stats_reader.h"
#include "playground/payload_check.h"
#include "playground/payload_templates.h"
#include "test_services.h"

#include "mccig/redis/redis_sync_connection.h"

#include <algorithm>

#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QJsonObject>
#include <QSettings>
#include <QtTest>

using namespace mccig::console;

namespace {

constexpr int kRedisDb = 14;

mccig::RedisSyncConnection redisConnection()
{
    auto endpoint = mccig::parseRedisUrl(mccig::test::redisUrlForDatabase(kRedisDb).toStdString());
    if (!endpoint)
        qFatal("bad test Redis URL");
    return mccig::RedisSyncConnection(*endpoint, std::chrono::milliseconds(2000));
}

void run(mccig::RedisSyncConnection& redis, const std::vector<std::string>& command)
{
    const auto reply = redis.command(command);
    if (!reply)
        qFatal("redis: %s", reply.error().message.c_str());
}

qint64 redisNowSeconds(mccig::RedisSyncConnection& redis)
{
    return QByteArray::fromStdString(redis.command({"TIME"})->elements[0].text).toLongLong();
}

// The settings file as an earlier version left it: one profile with the Redis
// URL beside its name and the keys in plain text under "secrets/" (written
// there when the keychain failed).
QString writeEarlierVersionProfile()
{
    const QString id = QStringLiteral("profile-of-an-earlier-version");
    QSettings settings;
    settings.clear();
    settings.beginWriteArray(QStringLiteral("profiles"), 1);
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("id"), id);
    settings.setValue(QStringLiteral("name"), QStringLiteral("old"));
    settings.setValue(QStringLiteral("kind"), QStringLiteral("http"));
    settings.setValue(QStringLiteral("serverUrl"), QStringLiteral("http://127.0.0.1:8080"));
    settings.setValue(QStringLiteral("redisUrl"), QStringLiteral("redis://:hunter2@127.0.0.1:6379/1"));
    settings.endArray();
    settings.setValue(QStringLiteral("secrets/%1/admin").arg(id), QStringLiteral("old-admin-key"));
    settings.setValue(QStringLiteral("secrets/%1/tenants").arg(id), QStringLiteral("acme:old-key"));
    return id;
}

// Every settings key whose value holds one of the earlier version's secrets.
QStringList keysHoldingOldSecrets()
{
    QSettings settings;
    QStringList keys;
    for (const QString& key : settings.allKeys()) {
        const QString value = settings.value(key).toString();
        if (value.contains(QLatin1String("hunter2")) || value.contains(QLatin1String("old-admin-key")) ||
            value.contains(QLatin1String("old-key")))
            keys.append(key);
    }
    keys.sort();
    return keys;
}

ConnectionProfile loadNow(ProfileStore& store, const QString& id)
{
    ConnectionProfile loaded;
    store.loadProfile(id, [&loaded](const ConnectionProfile& p) { loaded = p; });
    return loaded;
}

} // namespace

class ConsoleLogicTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyTemplatePassesTheServersRules();
    void aBrokenRuleIsReportedWithItsPathAndLine();
    void aSyntaxErrorIsReportedOnItsLine();
    void anUnknownChannelIsOneIssue();
    void aFreshMessageIdKeepsTheFieldOrder();
    void tenantKeysParseAndDropBadEntries();
    void profilesRoundTripWithTheirSecrets();
    void removingAProfileForgetsItsSecrets();
    void plainSecretsOfAnEarlierVersionMoveIntoTheChosenStore();
    void plainSecretsStayPlainWhenPlainTextIsTheChoice();
    void launchOptionsBuildAOneOffProfile();
    void launchOptionsRejectBadArguments();
    void launchOptionsAnswerHelpAndVersion();
    void apiDocumentListsEveryRouteOfTheContract();
    void curlExamplesCarryTheConnectionButTheScreenMasksSecrets();
    void redisReaderFollowsTheDocumentedKeyLayout();
    void redisReaderReportsAnUnreachableRedis();
    void mainWindowSwitchesScreensByShortcutAndRestoresTheLastOne();
    void mainWindowRefusesAProfileWithoutAServerUrl();
    void aLocalProfileOfAnEarlierVersionLoadsAsTheLocalGateway();
    void connectionDialogCreatesAndSavesAProfileWithItsSecrets();
    void connectionDialogMakesALocalGatewayProfileWithoutServerFields();
};

void ConsoleLogicTest::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MCC-IG-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_logic"));
    QSettings().clear();
    Q_INIT_RESOURCE(mccig_console);
}

void ConsoleLogicTest::everyTemplatePassesTheServersRules()
{
    for (const QString& channel : channelNames()) {
        const QByteArray payload = payloadTemplate(channel);
        QVERIFY2(!payload.isEmpty(), qPrintable(channel));
        QCOMPARE(checkPayload(channel, payload), QList<PayloadIssue>());
        QVERIFY(providerMessageIdOf(payload).startsWith(QStringLiteral("pg-")));
    }
    QVERIFY(payloadTemplate(QStringLiteral("fax")).isEmpty());
}

void ConsoleLogicTest::aBrokenRuleIsReportedWithItsPathAndLine()
{
    const QByteArray payload = "{\n  \"providerMessageId\": \"a1\",\n  \"from\": \"555\",\n  \"to\": \"+14155550199\",\n"
                               "  \"body\": \"hi\",\n  \"colour\": 1\n}";
    const QList<PayloadIssue> issues = checkPayload(QStringLiteral("sms"), payload);
    QCOMPARE(issues.size(), 2);
    QHash<QString, int> lineByPath;
    for (const PayloadIssue& issue : issues)
        lineByPath.insert(issue.path, issue.line);
    QCOMPARE(lineByPath.value(QStringLiteral("from")), 3);
    QCOMPARE(lineByPath.value(QStringLiteral("colour")), 6);
}

void ConsoleLogicTest::aSyntaxErrorIsReportedOnItsLine()
{
    const QList<PayloadIssue> issues = checkPayload(QStringLiteral("chat"), "{\n  \"text\": \"x\",\n  oops\n}");
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues.at(0).path.isEmpty());
    QVERIFY(issues.at(0).message.startsWith(QStringLiteral("JSON: ")));
    QCOMPARE(issues.at(0).line, 3);
    QCOMPARE(lineOfPath("{\n \"sender\": {\n  \"id\": 1}}", QStringLiteral("sender.id")), 3);
    QCOMPARE(lineOfPath("{}", QStringLiteral("attachments[2].url")), 0);
}

void ConsoleLogicTest::anUnknownChannelIsOneIssue()
{
    const QList<PayloadIssue> issues = checkPayload(QStringLiteral("fax"), "{}");
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.at(0).message, QStringLiteral("unknown channel \"fax\""));
}

void ConsoleLogicTest::aFreshMessageIdKeepsTheFieldOrder()
{
    const QByteArray payload = "{\n  \"to\": \"+1\",\n  \"providerMessageId\": \"old\",\n  \"body\": \"b\"\n}";
    const QByteArray renamed = withProviderMessageId(payload, QStringLiteral("new-1"));
    QCOMPARE(renamed, QByteArray("{\n  \"to\": \"+1\",\n  \"providerMessageId\": \"new-1\",\n  \"body\": \"b\"\n}"));
    QCOMPARE(providerMessageIdOf(withProviderMessageId("{\"body\":\"b\"}", QStringLiteral("x"))), QStringLiteral("x"));
    QCOMPARE(withProviderMessageId("not json", QStringLiteral("x")), QByteArray("not json"));
}

void ConsoleLogicTest::tenantKeysParseAndDropBadEntries()
{
    const QList<TenantKey> keys = parseTenantKeys(QStringLiteral("acme:k1, globex : k:2,broken,:nokey,empty:,"));
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0), (TenantKey{QStringLiteral("acme"), QStringLiteral("k1")}));
    QCOMPARE(keys.at(1), (TenantKey{QStringLiteral("globex"), QStringLiteral("k:2")}));
    QCOMPARE(formatTenantKeys(keys), QStringLiteral("acme:k1,globex:k:2"));
}

void ConsoleLogicTest::profilesRoundTripWithTheirSecrets()
{
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    ConnectionProfile profile;
    profile.id = ProfileStore::newProfileId();
    profile.name = QStringLiteral("staging");
    profile.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    profile.adminKey = QStringLiteral("admin-secret");
    profile.tenantKeys = {{QStringLiteral("acme"), QStringLiteral("k1")}};
    profile.redisUrl = QStringLiteral("redis://127.0.0.1:6379/2");
    store.saveProfile(profile);
    QCOMPARE(store.profilesWithoutSecrets().size(), 1);
    QVERIFY(store.profilesWithoutSecrets().at(0).adminKey.isEmpty());
    // The settings keep no secret outside the secrets group.
    QSettings settings;
    for (const QString& key : settings.allKeys()) {
        if (!key.startsWith(QLatin1String("secrets/")))
            QVERIFY2(!settings.value(key).toString().contains(QLatin1String("admin-secret")), qPrintable(key));
    }
    ConnectionProfile loaded;
    store.loadProfile(profile.id, [&loaded](const ConnectionProfile& p) { loaded = p; });
    QCOMPARE(loaded, profile);
    QVERIFY(!secrets.isSecure());
}

void ConsoleLogicTest::removingAProfileForgetsItsSecrets()
{
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    const QString id = store.profilesWithoutSecrets().at(0).id;
    store.removeProfile(id);
    QCOMPARE(store.profilesWithoutSecrets().size(), 0);
    bool found = true;
    secrets.read(id + QStringLiteral("/admin"), [&found](bool f, const QString&) { found = f; });
    QVERIFY(!found);
    ConnectionProfile loaded;
    store.loadProfile(id, [&loaded](const ConnectionProfile& p) { loaded = p; });
    QVERIFY(loaded.id.isEmpty());
}

void ConsoleLogicTest::plainSecretsOfAnEarlierVersionMoveIntoTheChosenStore()
{
    const QString id = writeEarlierVersionProfile();
    // The memory store stands for the keychain: a secure store the test can read.
    MemorySecretStore secrets;
    ProfileStore store(&secrets);
    QCOMPARE(keysHoldingOldSecrets(), QStringList());
    const QStringList names{id + QStringLiteral("/admin"), id + QStringLiteral("/tenants"), id + QStringLiteral("/redis")};
    QStringList held;
    for (const QString& name : names)
        secrets.read(name, [&held](bool found, const QString& secret) { held.append(found ? secret : QString()); });
    QCOMPARE(held, (QStringList{QStringLiteral("old-admin-key"), QStringLiteral("acme:old-key"),
                                QStringLiteral("redis://:hunter2@127.0.0.1:6379/1")}));
    const ConnectionProfile loaded = loadNow(store, id);
    QCOMPARE(loaded.name, QStringLiteral("old"));
    QCOMPARE(loaded.adminKey, QStringLiteral("old-admin-key"));
    QCOMPARE(loaded.redisUrl, QStringLiteral("redis://:hunter2@127.0.0.1:6379/1"));
    QCOMPARE(store.profilesWithoutSecrets().size(), 1);
    QVERIFY(store.profilesWithoutSecrets().at(0).redisUrl.isEmpty());
}

void ConsoleLogicTest::plainSecretsStayPlainWhenPlainTextIsTheChoice()
{
    const QString id = writeEarlierVersionProfile();
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    // The keys stay where the plain-text store keeps them; the Redis URL joins them.
    QCOMPARE(keysHoldingOldSecrets(), (QStringList{QStringLiteral("secrets/%1/admin").arg(id),
                                                   QStringLiteral("secrets/%1/redis").arg(id),
                                                   QStringLiteral("secrets/%1/tenants").arg(id)}));
    const ConnectionProfile loaded = loadNow(store, id);
    QCOMPARE(loaded.adminKey, QStringLiteral("old-admin-key"));
    QCOMPARE(loaded.tenantKeys, (QList<TenantKey>{{QStringLiteral("acme"), QStringLiteral("old-key")}}));
    QCOMPARE(loaded.redisUrl, QStringLiteral("redis://:hunter2@127.0.0.1:6379/1"));
    // Choosing a secure store later moves them out of the settings file.
    MemorySecretStore secure;
    store.setSecrets(&secure);
    QCOMPARE(keysHoldingOldSecrets(), QStringList());
    QCOMPARE(loadNow(store, id).adminKey, QStringLiteral("old-admin-key"));
    store.removeProfile(id);
}

void ConsoleLogicTest::launchOptionsBuildAOneOffProfile()
{
    const auto options = parseLaunchOptions({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9000"),
                                             QStringLiteral("--admin-key"), QStringLiteral("a"),
                                             QStringLiteral("--api-keys"), QStringLiteral("t1:k1,t2:k2"),
                                             QStringLiteral("--redis-url"), QStringLiteral("redis://127.0.0.1:6391/13"),
                                             QStringLiteral("--ca-cert"), QStringLiteral("/etc/mccig/ca.pem"),
                                             QStringLiteral("--screenshots"), QStringLiteral("/tmp/shots")});
    QVERIFY(options.has_value());
    QVERIFY(options->profile.has_value());
    QCOMPARE(options->profile->serverUrl.port(), 9000);
    QCOMPARE(options->profile->tenantKeys.size(), 2);
    QCOMPARE(options->profile->redisUrl, QStringLiteral("redis://127.0.0.1:6391/13"));
    QCOMPARE(options->profile->caCertificateFile, QStringLiteral("/etc/mccig/ca.pem"));
    QCOMPARE(options->screenshotDir, QStringLiteral("/tmp/shots"));
    const auto plain = parseLaunchOptions({QStringLiteral("--quit-after-first-paint")});
    QVERIFY(plain.has_value());
    QVERIFY(!plain->profile.has_value());
    QVERIFY(plain->reportFirstPaint && plain->quitAfterFirstPaint);
}

void ConsoleLogicTest::launchOptionsRejectBadArguments()
{
    QCOMPARE(parseLaunchOptions({QStringLiteral("--bogus")}).error(), QStringLiteral("Unknown option 'bogus'."));
    QCOMPARE(parseLaunchOptions({QStringLiteral("--server")}).error(),
             QStringLiteral("Missing value after '--server'."));
    QCOMPARE(parseLaunchOptions({QStringLiteral("--screenshots"), QStringLiteral("d")}).error(),
             QStringLiteral("--screenshots needs --server"));
    QCOMPARE(parseLaunchOptions({QStringLiteral("http://127.0.0.1:9000")}).error(),
             QStringLiteral("unexpected argument http://127.0.0.1:9000"));
}

void ConsoleLogicTest::launchOptionsAnswerHelpAndVersion()
{
    const auto version = parseLaunchOptions({QStringLiteral("--version")});
    QVERIFY(version.has_value());
    QVERIFY(version->showVersion && !version->showHelp);
    const auto help = parseLaunchOptions({QStringLiteral("-h")});
    QVERIFY(help.has_value());
    QVERIFY(help->showHelp && !help->showVersion);
    const QString usage = launchUsage();
    for (const char* option : {"--help", "--version", "--server <URL>", "--screenshots <DIR>", "--language <CODE>"})
        QVERIFY2(usage.contains(QLatin1String(option)), option);
}

void ConsoleLogicTest::apiDocumentListsEveryRouteOfTheContract()
{
    const auto document = loadApiDocument(QStringLiteral(":/openapi.json"));
    QVERIFY2(document.has_value(), document ? "" : qPrintable(document.error()));
    QStringList routes;
    for (const ApiEndpoint& endpoint : document->endpoints())
        routes.append(endpoint.method + QLatin1Char(' ') + endpoint.path);
    const QStringList expected{
        QStringLiteral("POST /v1/ingest/chat"), QStringLiteral("POST /v1/ingest/sms"),
        QStringLiteral("POST /v1/ingest/voice"), QStringLiteral("GET /healthz"), QStringLiteral("GET /metrics"),
        QStringLiteral("GET /openapi.json"), QStringLiteral("GET /readyz"), QStringLiteral("GET /v1/admin/dlq"),
        QStringLiteral("POST /v1/admin/dlq/replay"), QStringLiteral("DELETE /v1/admin/dlq/{id}"),
        QStringLiteral("POST /v1/admin/dlq/{id}/replay"), QStringLiteral("GET /v1/admin/events"),
        QStringLiteral("GET /v1/admin/events/count"), QStringLiteral("GET /v1/admin/stats"),
        QStringLiteral("GET /v1/admin/tenants"), QStringLiteral("GET /v1/admin/webhooks"),
        QStringLiteral("POST /v1/admin/webhooks"), QStringLiteral("DELETE /v1/admin/webhooks/{id}"),
        QStringLiteral("POST /v1/webhooks/standard/{tenant}/{channel}"),
        QStringLiteral("POST /v1/webhooks/twilio/{tenant}/sms"), QStringLiteral("POST /v1/webhooks/twilio/{tenant}/voice"),
        QStringLiteral("GET /v1/webhooks/whatsapp/{tenant}"), QStringLiteral("POST /v1/webhooks/whatsapp/{tenant}")};
    QCOMPARE(routes, expected);
    const QList<ApiEndpoint> endpoints = document->endpoints();
    // The /ingest/* aliases are folded into the routes they repeat.
    QCOMPARE(endpoints.at(1).aliases, QStringList{QStringLiteral("/ingest/sms")});
    QCOMPARE(endpoints.at(1).auth, QStringLiteral("tenant"));
    QCOMPARE(endpoints.at(7).auth, QStringLiteral("admin"));
    QVERIFY(endpoints.at(3).auth.isEmpty());
    // Fields and responses come through the document's $refs.
    const auto from = std::find_if(endpoints.at(1).fields.begin(), endpoints.at(1).fields.end(),
                                   [](const ApiField& field) { return field.name == QLatin1String("from"); });
    QVERIFY(from != endpoints.at(1).fields.end());
    QVERIFY(from->required);
    QVERIFY(from->rule.contains(QStringLiteral("^\\+[1-9][0-9]{6,14}$")));
    QStringList statuses;
    for (const DocumentedResponse& response : endpoints.at(1).responses)
        statuses << response.status;
    QCOMPARE(statuses.join(QLatin1Char(',')), QStringLiteral("200,202,400,401,403,413,415,429,431,503"));
    QCOMPARE(endpoints.at(1).responses.at(7).example, QStringLiteral("{\"error\":\"rate_limited\",\"retryAfterMs\":1500}"));
    // Each ingest example is itself a valid payload for its channel.
    int examples = 0;
    for (const ApiEndpoint& endpoint : endpoints) {
        if (endpoint.example.isEmpty())
            continue;
        ++examples;
        const QString channel = endpoint.path.section(QLatin1Char('/'), -1);
        const QByteArray body = QJsonDocument(endpoint.example).toJson();
        QCOMPARE(checkPayload(channel, body), QList<PayloadIssue>());
    }
    QCOMPARE(examples, 3);
    QVERIFY(!loadApiDocument(QStringLiteral(":/no/such.json")).has_value());
    QVERIFY(!loadApiDocument(QStringLiteral(":/desktop/templates/sms.json")).has_value());
}

void ConsoleLogicTest::curlExamplesCarryTheConnectionButTheScreenMasksSecrets()
{
    const auto document = loadApiDocument(QStringLiteral(":/openapi.json"));
    QVERIFY(document.has_value());
    const CurlContext context{QUrl(QStringLiteral("http://127.0.0.1:9123")), QStringLiteral("adminsecret"),
                              QStringLiteral("tenantsecret")};
    const QStringList commands = curlCommands(*document, context);
    QCOMPARE(commands.size(), document->endpoints().size());
    QVERIFY(commands.at(1).startsWith(QStringLiteral("curl -sS -i -X POST 'http://127.0.0.1:9123/v1/ingest/sms'")));
    QVERIFY(commands.at(1).contains(QStringLiteral("Authorization: Bearer tenantsecret")));
    QVERIFY(commands.at(1).contains(QStringLiteral("-d '{")));
    QVERIFY(commands.at(3).endsWith(QStringLiteral("'http://127.0.0.1:9123/healthz'")));
    QVERIFY(commands.at(14).contains(QStringLiteral("Bearer adminsecret")));
    const QString html = renderApiHtml(*document, context);
    QVERIFY(!html.contains(QStringLiteral("adminsecret")));
    QVERIFY(!html.contains(QStringLiteral("tenantsecret")));
    QVERIFY(html.contains(QStringLiteral("copy:14")));
    QVERIFY(html.contains(QStringLiteral("<li>A 202 means the event is durable")));
    const QStringList anonymous = curlCommands(*document, {});
    QVERIFY(anonymous.at(1).contains(QStringLiteral("$MCCIG_API_KEY")));
    QVERIFY(anonymous.at(1).contains(QStringLiteral("http://127.0.0.1:8080")));
}

void ConsoleLogicTest::redisReaderFollowsTheDocumentedKeyLayout()
{
    auto redis = redisConnection();
    run(redis, {"FLUSHDB"});
    const qint64 now = redisNowSeconds(redis);
    const std::string previous = std::to_string(now - 1);
    run(redis, {"HSET", "mccig:stats:" + previous, "accepted", "5", "duplicate", "2", "rateLimited", "3",
                "persisted", "4", "deadLettered", "1", "t:acme:accepted", "5", "t:acme:rateLimited", "3"});
    run(redis, {"SADD", "mccig:tenants", "acme", "globex"});
    run(redis, {"HSET", "mccig:tenant:acme", "accepted", "50", "duplicate", "6", "rateLimited", "9", "invalid", "1"});
    const std::string updatedUs = std::to_string(now * 1000000);
    run(redis, {"HSET", "mccig:bucket:acme", "tokens", "0.25", "updatedUs", updatedUs, "capacity", "10",
                "refillPerSecond", "0"});
    run(redis, {"XADD", "mccig:events", "*", "event", "{}"});
    run(redis, {"ZADD", "mccig:retry", "1", "a"});
    run(redis, {"HSET", "mccig:dlq", "e1", "{}", "e2", "{}"});

    RedisStatsReader reader(mccig::test::redisUrlForDatabase(kRedisDb));
    const RedisStatsReader::Outcome outcome = reader.read(60);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    const LiveSnapshot& snapshot = outcome.snapshot;
    QCOMPARE(snapshot.source, LiveSnapshot::Source::Redis);
    QCOMPARE(snapshot.series.size(), 60);
    QVERIFY(snapshot.series.last().epochSecond >= now);
    const auto found = std::find_if(snapshot.series.cbegin(), snapshot.series.cend(),
                                    [&](const StatsPoint& p) { return p.epochSecond == now - 1; });
    QVERIFY(found != snapshot.series.cend());
    QCOMPARE(found->value(Figure::Accepted), 5);
    QCOMPARE(found->value(Figure::Duplicate), 2);
    QCOMPARE(found->value(Figure::DeadLettered), 1);
    QCOMPARE(found->tenantRateLimited.value(QStringLiteral("acme")), 3);
    QCOMPARE(found->tenantAccepted.value(QStringLiteral("acme")), 5);
    QCOMPARE(snapshot.queueDepth, 2);
    QCOMPARE(snapshot.dlqDepth, 2);
    QCOMPARE(snapshot.tenants.size(), 2);
    QCOMPARE(snapshot.tenants.at(0).tenantId, QStringLiteral("acme"));
    QCOMPARE(snapshot.tenants.at(0).accepted, 50);
    QCOMPARE(snapshot.tenants.at(0).rateLimited, 9);
    QCOMPARE(snapshot.tenants.at(0).capacity, 10.0);
    QCOMPARE(snapshot.tenants.at(0).tokens, 0.25);
    QCOMPARE(snapshot.tenants.at(1).tenantId, QStringLiteral("globex"));
    QCOMPARE(snapshot.tenants.at(1).bucketKnown, false);
    // A second read re-uses settled seconds and still sees new ones.
    run(redis, {"HINCRBY", "mccig:stats:" + previous, "accepted", "1"});
    const RedisStatsReader::Outcome again = reader.read(60);
    QVERIFY(again.ok);
    const auto updated = std::find_if(again.snapshot.series.cbegin(), again.snapshot.series.cend(),
                                      [&](const StatsPoint& p) { return p.epochSecond == now - 1; });
    QCOMPARE(updated->value(Figure::Accepted), 6);
}

void ConsoleLogicTest::redisReaderReportsAnUnreachableRedis()
{
    RedisStatsReader closed(QStringLiteral("redis://127.0.0.1:1/0"));
    const RedisStatsReader::Outcome outcome = closed.read(60);
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.error.isEmpty());
    RedisStatsReader malformed(QStringLiteral("http://nope"));
    QVERIFY(!malformed.read(60).ok);
}

void ConsoleLogicTest::mainWindowSwitchesScreensByShortcutAndRestoresTheLastOne()
{
    {
        MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentScreen(), MainWindow::RateLimitPage);
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentScreen(), MainWindow::DlqPage);
        window.resize(1111, 777);
        window.close();
    }
    MainWindow restored(nullptr);
    QCOMPARE(restored.currentScreen(), MainWindow::DlqPage);
    QCOMPARE(restored.size(), QSize(1111, 777));
}

void ConsoleLogicTest::mainWindowRefusesAProfileWithoutAServerUrl()
{
    MainWindow window(nullptr);
    ConnectionProfile noUrl;
    noUrl.id = QStringLiteral("no-url");
    QCOMPARE(window.openProfile(noUrl).error(), QStringLiteral("The profile has no valid server URL."));
    QVERIFY(window.session() == nullptr);
}

// Earlier versions saved the never-available Local engine as kind "local";
// such a profile is now the local gateway's, and stays "local" when saved.
void ConsoleLogicTest::aLocalProfileOfAnEarlierVersionLoadsAsTheLocalGateway()
{
    QSettings settings;
    settings.clear();
    settings.beginWriteArray(QStringLiteral("profiles"), 2);
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("id"), QStringLiteral("old-local"));
    settings.setValue(QStringLiteral("name"), QStringLiteral("engine"));
    settings.setValue(QStringLiteral("kind"), QStringLiteral("local"));
    settings.setValue(QStringLiteral("serverUrl"), QString());
    settings.setArrayIndex(1);
    settings.setValue(QStringLiteral("id"), QStringLiteral("old-http"));
    settings.setValue(QStringLiteral("name"), QStringLiteral("server"));
    settings.setValue(QStringLiteral("kind"), QStringLiteral("http"));
    settings.setValue(QStringLiteral("serverUrl"), QStringLiteral("http://127.0.0.1:8080"));
    settings.endArray();
    settings.sync();
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    const QList<ConnectionProfile> profiles = store.profilesWithoutSecrets();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).kind, ProfileKind::LocalGateway);
    QCOMPARE(profiles.at(0).name, QStringLiteral("engine"));
    QCOMPARE(profiles.at(1).kind, ProfileKind::Http);
    store.saveProfile(profiles.at(0));
    QCOMPARE(store.profilesWithoutSecrets().at(0).kind, ProfileKind::LocalGateway);
    settings.beginReadArray(QStringLiteral("profiles"));
    settings.setArrayIndex(0);
    QCOMPARE(settings.value(QStringLiteral("kind")).toString(), QStringLiteral("local"));
    settings.endArray();
}

void ConsoleLogicTest::connectionDialogCreatesAndSavesAProfileWithItsSecrets()
{
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    for (const ConnectionProfile& existing : store.profilesWithoutSecrets())
        store.removeProfile(existing.id);
    ConnectionDialog dialog(&store, std::nullopt);
    QVERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("localRadio"))->isEnabled());
    dialog.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    QCOMPARE(store.profilesWithoutSecrets().size(), 1);
    dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("qa"));
    dialog.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(QStringLiteral("http://127.0.0.1:9999"));
    dialog.findChild<QLineEdit*>(QStringLiteral("adminEdit"))->setText(QStringLiteral("adm"));
    dialog.findChild<QPlainTextEdit*>(QStringLiteral("keysEdit"))->setPlainText(QStringLiteral("acme:k1\nglobex:k2\nbroken"));
    QSignalSpy connectRequested(&dialog, &ConnectionDialog::connectRequested);
    dialog.findChild<QPushButton*>(QStringLiteral("connectButton"))->click();
    QCOMPARE(connectRequested.count(), 1);
    const QString id = connectRequested.at(0).at(0).value<ConnectionProfile>().id;
    ConnectionProfile saved;
    store.loadProfile(id, [&saved](const ConnectionProfile& p) { saved = p; });
    QCOMPARE(saved.name, QStringLiteral("qa"));
    QCOMPARE(saved.serverUrl, QUrl(QStringLiteral("http://127.0.0.1:9999")));
    QCOMPARE(saved.adminKey, QStringLiteral("adm"));
    QCOMPARE(saved.tenantKeys.size(), 2);
    QCOMPARE(saved.kind, ProfileKind::Http);
    QVERIFY(!saved.hasRedis());
}

void ConsoleLogicTest::connectionDialogMakesALocalGatewayProfileWithoutServerFields()
{
    SettingsSecretStore secrets;
    ProfileStore store(&secrets);
    for (const ConnectionProfile& existing : store.profilesWithoutSecrets())
        store.removeProfile(existing.id);
    ConnectionDialog dialog(&store, std::nullopt);
    dialog.findChild<QPushButton*>(QStringLiteral("newButton"))->click();
    auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    auto* redis = dialog.findChild<QLineEdit*>(QStringLiteral("redisEdit"));
    QVERIFY(url->isEnabled());
    redis->setText(QStringLiteral("redis://127.0.0.1:6379/0"));
    dialog.findChild<QRadioButton*>(QStringLiteral("localRadio"))->setChecked(true);
    QVERIFY(!url->isEnabled());
    QVERIFY(!redis->isEnabled());
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    const ConnectionProfile saved = loadNow(store, store.profilesWithoutSecrets().at(0).id);
    QCOMPARE(saved.kind, ProfileKind::LocalGateway);
    QVERIFY(saved.serverUrl.isEmpty());
    QVERIFY(!saved.hasRedis());
    // Shown again, the local profile keeps its server fields off.
    ConnectionDialog again(&store, std::nullopt);
    QVERIFY(again.findChild<QRadioButton*>(QStringLiteral("localRadio"))->isChecked());
    QVERIFY(!again.findChild<QLineEdit*>(QStringLiteral("urlEdit"))->isEnabled());
}

QTEST_MAIN(ConsoleLogicTest)
#include "tst_console_logic.moc"
