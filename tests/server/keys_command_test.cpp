// `mccig-server keys ...` run as the built binary against the test Redis (db 11),
// and a running server picking stored keys up and dropping revoked ones.
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"

#include "ingest/api_key_registry.h"
#include "keys/api_key_id.h"
#include "mccig/backends/redis_postgres_backend.h"
#include "keys/stored_key_refresher.h"
#include "mccig/core/time_format.h"
#include "mccig/core/uuid.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace mccig;
using namespace mccig::server;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 11;
const QString kUnreachableRedis = QStringLiteral("redis://127.0.0.1:1");

QStringList withRedis(QStringList args) { return args << "--redis-url" << redisUrlForDatabase(kRedisDb); }

ProcessOutcome runKeys(const QStringList& args)
{
    return ServerProcess::runToExit(withRedis(QStringList{"keys"} + args));
}

// Runs `keys add` and returns the key it printed (empty when it failed).
std::string addKey(const QString& tenant)
{
    const auto outcome = runKeys({"add", tenant});
    if (outcome.exitCode != 0)
        return {};
    return outcome.out.trimmed().toStdString();
}

QString keyIdFor(const std::string& key) { return QString::fromStdString(keyIdOf(digestSecret(key))); }

constexpr const char* kAdminKey = "keys-test-admin";

// The tenant ids GET /v1/admin/tenants lists.
QStringList listedTenants(int port)
{
    TestHttpClient client(port);
    const auto reply = client.request("GET", "/v1/admin/tenants", {{"Authorization", std::string("Bearer ") + kAdminKey}});
    QStringList tenants;
    if (!reply || reply->status != 200)
        return tenants;
    const nlohmann::json body = reply->json();
    for (const auto& item : body["items"])
        tenants << QString::fromStdString(item.value("tenantId", ""));
    return tenants;
}

int ingestStatus(int port, const std::string& key)
{
    const auto reply = postJson(port, "/v1/ingest/sms", key, smsPayload("keys-" + newUuidV7()));
    return reply ? reply->status : 0;
}

} // namespace

class KeysCommandTest final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RedisSyncConnection> m_redis;

    std::vector<RedisReply> storedEntries()
    {
        auto reply = m_redis->command({"HGETALL", "mccig:apikeys"});
        return reply ? reply->elements : std::vector<RedisReply>{};
    }

private slots:
    void initTestCase()
    {
        // The keys commands read their Redis from here too; only the flags of each test may count.
        qunsetenv("MCCIG_REDIS_URL");
        const auto endpoint = parseRedisUrl(redisUrlForDatabase(kRedisDb).toStdString());
        QVERIFY(endpoint.has_value());
        m_redis = std::make_unique<RedisSyncConnection>(*endpoint, std::chrono::seconds(5));
        QVERIFY(m_redis->command({"FLUSHDB"}).has_value());
    }

    void addPrintsTheKeyOnceAndStoresOnlyItsDigest()
    {
        const auto outcome = runKeys({"add", "acme"});
        QCOMPARE(outcome.exitCode, 0);
        static const QRegularExpression shape(QStringLiteral("^mk_[0-9a-f]{64}\n$"));
        QVERIFY2(shape.match(outcome.out).hasMatch(), qPrintable(outcome.out));
        const std::string key = outcome.out.trimmed().toStdString();
        QVERIFY2(outcome.err.contains(keyIdFor(key)), qPrintable(outcome.err));
        QVERIFY(!outcome.err.contains(QString::fromStdString(key)));

        auto value = m_redis->command({"HGET", "mccig:apikeys", digestHex(digestSecret(key))});
        QVERIFY(value.has_value() && value->isString());
        const auto stored = nlohmann::json::parse(value->text);
        QCOMPARE(stored["tenant"].get<std::string>(), std::string("acme"));
        QVERIFY(parseRfc3339(stored["createdAt"].get<std::string>()).has_value());
        for (const auto& entry : storedEntries())
            QVERIFY(entry.text.find(key.substr(3)) == std::string::npos);
    }

    void listShowsIdTenantAndTimeButNeverTheKey()
    {
        const std::string acme = addKey("acme");
        const std::string globex = addKey("globex");
        QVERIFY(!acme.empty() && !globex.empty());

        const auto all = runKeys({"list"});
        QCOMPARE(all.exitCode, 0);
        QVERIFY(!all.out.contains(QString::fromStdString(acme)) && !all.out.contains(QString::fromStdString(globex)));
        const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(storedEntries().size() / 2));
        for (const auto& line : lines) {
            const QStringList fields = line.split('\t');
            QCOMPARE(fields.size(), qsizetype(3));
            QCOMPARE(fields[0].size(), qsizetype(kKeyIdLength));
            QVERIFY(parseRfc3339(fields[2].toStdString()).has_value());
        }
        QVERIFY(all.out.contains(keyIdFor(acme) + "\tacme\t"));
        QVERIFY(all.out.contains(keyIdFor(globex) + "\tglobex\t"));

        const auto onlyGlobex = runKeys({"list", "globex"});
        QCOMPARE(onlyGlobex.exitCode, 0);
        QVERIFY(onlyGlobex.out.contains(keyIdFor(globex)));
        QVERIFY(!onlyGlobex.out.contains("\tacme\t"));
    }

    void revokeDeletesTheKey()
    {
        const std::string key = addKey("initech");
        QVERIFY(!key.empty());
        const QString id = keyIdFor(key);
        const auto revoked = runKeys({"revoke", id});
        QCOMPARE(revoked.exitCode, 0);
        QVERIFY2(revoked.out.contains(id) && revoked.out.contains("initech"), qPrintable(revoked.out));
        QVERIFY(!runKeys({"list"}).out.contains(id));
        auto exists = m_redis->command({"HEXISTS", "mccig:apikeys", digestHex(digestSecret(key))});
        QVERIFY(exists.has_value());
        QCOMPARE(exists->integer, 0LL);
    }

    void revokeOfAnUnknownIdExitsOne()
    {
        const auto before = storedEntries().size();
        const auto outcome = runKeys({"revoke", "000000000000"});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.err.contains("no stored API key has the id 000000000000"), qPrintable(outcome.err));
        QCOMPARE(outcome.err.count('\n'), qsizetype(1));
        QCOMPARE(storedEntries().size(), before);
    }

    void usageErrorsExitTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << withRedis({"keys"});
        QTest::newRow("bad tenant") << withRedis({"keys", "add", "Not_Valid!"});
        QTest::newRow("bad key id") << withRedis({"keys", "revoke", "xyz"});
        QTest::newRow("database url only") << QStringList{"keys", "list", "--database-url", "postgresql://x@127.0.0.1/y"};
    }

    void usageErrorsExitTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        const auto outcome = ServerProcess::runToExit(args);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.startsWith("mccig-server: "), qPrintable(outcome.err));
        QCOMPARE(outcome.err.count('\n'), qsizetype(1));
    }

    void unreachableRedisExitsOne_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("add") << QStringList{"add", "acme"};
        QTest::newRow("list") << QStringList{"list"};
        QTest::newRow("revoke") << QStringList{"revoke", "000000000000"};
    }

    void unreachableRedisExitsOne()
    {
        QFETCH(QStringList, command);
        const auto outcome = ServerProcess::runToExit(QStringList{"keys"} + command +
                                                      QStringList{"--redis-url", kUnreachableRedis});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains("cannot reach Redis at 127.0.0.1:1"), qPrintable(outcome.err));
        QCOMPARE(outcome.err.count('\n'), qsizetype(1));
    }

    void refresherLoadsStoredKeysAndKeepsThemWhenRedisIsDown()
    {
        RedisPostgresBackend backend({m_redis->endpoint(), {}, std::chrono::seconds(2)});
        const std::string secret = "refresher-" + newUuidV7();
        const StoredApiKey stored{digestSecret(secret), "umbrella", formatUtc(std::chrono::system_clock::now())};
        QVERIFY(backend.apiKeyStore()->add(stored));

        ApiKeyRegistry registry(std::vector<TenantKey>{});
        StoredKeyRefresher loading(registry, backend.apiKeyStore());
        loading.start();
        QCOMPARE(registry.tenantForKey(secret), std::optional<std::string>("umbrella"));
        loading.stop();

        RedisPostgresBackend unreachable({*parseRedisUrl(kUnreachableRedis.toStdString()), {}, std::chrono::milliseconds(200)});
        StoredKeyRefresher failing(registry, unreachable.apiKeyStore(), std::chrono::milliseconds(10));
        failing.start();
        QCOMPARE(registry.tenantForKey(secret), std::optional<std::string>("umbrella"));
        failing.stop();
    }

    void runningServerTakesAddedKeysAndRefusesRevokedOnes()
    {
        ServerProcess server;
        QVERIFY(server.start({"--role", "api", "--redis-url", redisUrlForDatabase(kRedisDb), "--database-url",
                              freshDatabaseUrl("mccig_server_keys"), "--rate-limit", "1000:1000", "--admin-key",
                              kAdminKey}));
        const std::string key = addKey("latecomer");
        QVERIFY(!key.empty());
        // Listed as soon as its key is loaded, before it sends anything.
        QTRY_VERIFY_WITH_TIMEOUT(listedTenants(server.port()).contains("latecomer"), 15000);
        // Reloads run every 2 s: poll well past a few of them.
        QTRY_COMPARE_WITH_TIMEOUT(ingestStatus(server.port(), key), 202, 15000);

        QCOMPARE(runKeys({"revoke", keyIdFor(key)}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(ingestStatus(server.port(), key), 401, 15000);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(KeysCommandTest)
#include "keys_command_test.moc"
