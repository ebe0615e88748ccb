// End to end over real HTTP: one test per finding of the security review
// (bounded memory, framing, storable input, probes, exceptions, connection
// limits, secrets, refusals that do not wait), against the built server, the
// test Redis (db 12) and PostgreSQL. Backends that freeze are modelled by a
// FreezableProxy in front of them.
#include "freezable_proxy.h"
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/redis_sync_connection.h"

#include "json_compare.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 17;
const std::string kJson = "application/json";
const QString kAdminKey = QStringLiteral("admin-key");

using Headers = std::vector<std::pair<std::string, std::string>>;

std::string uniqueId(const std::string& prefix) { return prefix + "-" + newUuidV7().substr(24); }

Headers ingestHeaders() { return {{"X-Api-Key", "key-acme"}, {"Content-Type", kJson}}; }
Headers adminHeaders() { return {{"Authorization", "Bearer admin-key"}}; }

// Resident memory of a process in KiB, from /proc.
long residentKb(qint64 pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmRSS:"))
            return std::stol(line.substr(6));
    }
    return -1;
}

int portOf(const QString& url) { return QUrl(url).port(); }

QString viaProxy(const QString& url, const FreezableProxy& proxy)
{
    QUrl moved(url);
    moved.setPort(proxy.port());
    return moved.toString();
}

void verifyBadRequestAndClose(TestHttpClient& client)
{
    const auto reply = client.readReply();
    QVERIFY(reply.has_value());
    QCOMPARE(reply->status, 400);
    QCOMPARE_JSON(reply->json()["error"], "bad_request");
    QVERIFY(client.closedByServer());
}

std::string rawRequest(const std::string& method, const std::string& target, const Headers& headers,
                       const std::string& body)
{
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: test\r\n";
    for (const auto& [name, value] : headers)
        text += name + ": " + value + "\r\n";
    return text + "\r\n" + body;
}

void verifyViolation(const std::optional<HttpReply>& reply, const std::string& path)
{
    QVERIFY(reply.has_value());
    QCOMPARE(reply->status, 400);
    const auto body = reply->json();
    QCOMPARE_JSON(body["error"], "validation_failed");
    bool named = false;
    for (const auto& detail : body["details"])
        named = named || detail["path"] == path;
    QVERIFY2(named, reply->body.c_str());
}

} // namespace

class HardeningTest final : public QObject {
    Q_OBJECT

private:
    ServerProcess m_server;
    std::unique_ptr<RedisSyncConnection> m_redis;

    int port() const { return m_server.port(); }

    static QStringList backendArgs(const QString& redis, const QString& database)
    {
        return {"--role", "api", "--redis-url", redis, "--database-url", database, "--api-keys", "acme:key-acme",
                "--admin-key", kAdminKey, "--rate-limit", "100000:100000"};
    }

private slots:
    void initTestCase()
    {
        const auto endpoint = parseRedisUrl(redisUrlForDatabase(kRedisDb).toStdString());
        QVERIFY(endpoint.has_value());
        m_redis = std::make_unique<RedisSyncConnection>(*endpoint, std::chrono::seconds(5));
        QVERIFY(m_redis->command({"FLUSHDB"}).has_value());
        QVERIFY(m_server.start(backendArgs(redisUrlForDatabase(kRedisDb), freshDatabaseUrl("mccig_hardening"))));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    // 1: an endless chunk-size line (chunk extensions) is cut off, memory stays bounded.
    void endlessChunkSizeLineIsCutOff_data()
    {
        QTest::addColumn<QString>("head");
        QTest::newRow("GET /healthz") << "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("POST ingest") << "POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    void endlessChunkSizeLineIsCutOff()
    {
        QFETCH(QString, head);
        const long before = residentKb(m_server.processId());
        TestHttpClient client(port());
        QVERIFY(client.sendRaw(head.toStdString() + "1;"));
        std::string flood;
        for (int i = 0; i < 16384; ++i)
            flood += "a=b;";
        int sent = 0; // 64 KiB each: at most 64 MiB in all
        while (sent < 1024 && client.sendRaw(flood))
            ++sent;
        const long grownKb = residentKb(m_server.processId()) - before;
        QVERIFY2(sent < 1024, "the server read 64 MiB of one chunk-size line");
        QVERIFY2(grownKb < 16 * 1024, std::to_string(grownKb).c_str());
        QCOMPARE(TestHttpClient(port()).request("GET", "/healthz")->status, 200);
    }

    // 2: framing a proxy could read differently is refused, and the connection closed.
    void ambiguousFramingIsRefusedAndClosed_data()
    {
        QTest::addColumn<QString>("framing");
        QTest::newRow("chunked, identity") << "Transfer-Encoding: chunked, identity\r\nContent-Length: 4\r\n";
        QTest::newRow("xchunked") << "Transfer-Encoding: xchunked\r\nContent-Length: 4\r\n";
        QTest::newRow("identity") << "Transfer-Encoding: identity\r\nContent-Length: 4\r\n";
        QTest::newRow("chunked and length") << "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n";
        QTest::newRow("chunked twice") << "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n";
    }

    void ambiguousFramingIsRefusedAndClosed()
    {
        QFETCH(QString, framing);
        TestHttpClient client(port());
        const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                               "Content-Type: application/json\r\n"
                               + framing.toStdString() + "\r\n0\r\n\r\n" + smuggled));
        verifyBadRequestAndClose(client);
    }

    // 3: U+0000 anywhere is a violation naming its path: PostgreSQL cannot store it.
    void nulIsAViolationNamingItsPath_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("path");
        QTest::newRow("sms body") << "sms" << QByteArray(R"({"body":"a\u0000b"})") << "body";
        QTest::newRow("metadata value") << "sms" << QByteArray(R"({"metadata":{"a":["x","\u0000"]}})")
                                        << "metadata.a[1]";
        QTest::newRow("metadata key") << "sms" << QByteArray(R"({"metadata":{"k\u0000":1}})")
                                      << QString::fromUtf8("metadata.k\0", 11);
        QTest::newRow("sender name") << "chat" << QByteArray(R"({"sender":{"id":"u","name":"\u0000"}})")
                                     << "sender.name";
    }

    void nulIsAViolationNamingItsPath()
    {
        QFETCH(QString, channel);
        QFETCH(QByteArray, patch);
        QFETCH(QString, path);
        const std::string id = uniqueId("nul");
        auto body = channel == "sms" ? smsPayload(id) : chatPayload(id);
        body.merge_patch(nlohmann::json::parse(patch.toStdString()));
        verifyViolation(postJson(port(), "/v1/ingest/" + channel.toStdString(), "key-acme", body),
                        path.toStdString());
    }

    // 4: a flood of readiness probes neither fails nor starves the admin API.
    void readinessFloodLeavesTheAdminApiServed()
    {
        constexpr int kProbes = 300;
        std::vector<std::unique_ptr<TestHttpClient>> probes;
        for (int i = 0; i < kProbes; ++i)
            probes.push_back(std::make_unique<TestHttpClient>(port()));
        for (auto& probe : probes)
            QVERIFY(probe->sendRaw(rawRequest("GET", "/readyz", {}, "")));
        TestHttpClient admin(port());
        const auto count = admin.request("GET", "/v1/admin/events/count", adminHeaders());
        QVERIFY(count.has_value());
        QCOMPARE(count->status, 200);
        int ready = 0;
        for (auto& probe : probes) {
            const auto reply = probe->readReply();
            ready += reply && reply->status == 200 ? 1 : 0;
        }
        QCOMPARE(ready, kProbes);
    }

    // 5: a malformed dead letter is reported, never thrown on.
    void malformedDeadLetterIsReportedNotFatal()
    {
        const std::string stringEvent = newUuidV7();
        const std::string notJson = newUuidV7();
        QVERIFY(m_redis->command({"HSET", "mccig:dlq", stringEvent,
                                  R"({"id":")" + stringEvent + R"(","event":"just text","attempts":"five"})"}));
        QVERIFY(m_redis->command({"HSET", "mccig:dlq", notJson, "not json \xff"}));
        QVERIFY(m_redis->command({"ZADD", "mccig:dlq:order", "1", stringEvent, "2", notJson}));

        TestHttpClient admin(port());
        const auto replay = admin.request("POST", "/v1/admin/dlq/replay?tenantId=acme", adminHeaders());
        QVERIFY(replay.has_value());
        QCOMPARE(replay->status, 202);
        QCOMPARE_JSON(replay->json()["replayed"], 0);
        const auto list = admin.request("GET", "/v1/admin/dlq", adminHeaders());
        QVERIFY(list.has_value());
        QCOMPARE(list->status, 200);
        const auto items = list->json()["items"];
        QCOMPARE(items.size(), std::size_t(2));
        QCOMPARE_JSON(items[0]["id"], notJson);
        QVERIFY(items[0]["lastError"].get<std::string>().starts_with("malformed dead-letter entry"));
        QCOMPARE_JSON(items[1]["event"], "just text");
        QCOMPARE_JSON(items[1]["attempts"], 0);
        QCOMPARE(TestHttpClient(port()).request("GET", "/healthz")->status, 200);
        QVERIFY(m_redis->command({"DEL", "mccig:dlq", "mccig:dlq:order"}));
    }

    // 6: past the connection limit a new connection gets 503; the open ones go on.
    void connectionsBeyondTheLimitGet503()
    {
        ServerProcess server;
        auto args = backendArgs(redisUrlForDatabase(kRedisDb), databaseUrl());
        args << "--max-connections" << "4";
        QVERIFY(server.start(args));
        std::vector<std::unique_ptr<TestHttpClient>> open;
        for (int i = 0; i < 4; ++i) {
            open.push_back(std::make_unique<TestHttpClient>(server.port()));
            QCOMPARE(open.back()->request("GET", "/healthz")->status, 200);
        }
        TestHttpClient refused(server.port());
        const auto reply = refused.readReply();
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 503);
        QVERIFY(refused.closedByServer());
        for (auto& client : open)
            QCOMPARE(client->request("GET", "/healthz")->status, 200);
        open.pop_back();
        // The slot is free once the server has seen the close; until then a new connection is refused.
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (status != 200 && std::chrono::steady_clock::now() < deadline) {
            status = TestHttpClient(server.port()).request("GET", "/healthz").value_or(HttpReply{}).status;
            if (status != 200)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        QCOMPARE(status, 200);
        QCOMPARE(server.stop(), 0);
    }

    // 6: a keep-alive connection does not live for ever.
    void keepAliveConnectionEndsAfterItsRequestLimit()
    {
        TestHttpClient client(port());
        for (int i = 1; i < 1000; ++i) {
            const auto reply = client.request("GET", "/healthz");
            QVERIFY(reply.has_value());
            QVERIFY(reply->header("connection") != "close");
        }
        const auto last = client.request("GET", "/healthz");
        QVERIFY(last.has_value());
        QCOMPARE(last->header("connection"), "close");
        QVERIFY(client.closedByServer());
    }

    // 7: admin filters follow the ingest rules; bad bytes never reach PostgreSQL.
    void adminFiltersRefuseWhatIsNotAnId_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("count, bad UTF-8") << "/v1/admin/events/count?providerMessageId=%ff" << "providerMessageId";
        QTest::newRow("events, bad UTF-8") << "/v1/admin/events?providerMessageId=%ff" << "providerMessageId";
        QTest::newRow("events, space") << "/v1/admin/events?providerMessageId=a+b" << "providerMessageId";
        QTest::newRow("events, too long") << "/v1/admin/events?providerMessageId=" + QString(129, 'a')
                                          << "providerMessageId";
        QTest::newRow("cursor, bad UTF-8") << "/v1/admin/events?before=%ff%fe" << "before";
    }

    void adminFiltersRefuseWhatIsNotAnId()
    {
        QFETCH(QString, target);
        QFETCH(QString, parameter);
        const auto reply = TestHttpClient(port()).request("GET", target.toStdString(), adminHeaders());
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 400);
        const auto body = reply->json();
        QCOMPARE_JSON(body["error"], "invalid_parameter");
        QCOMPARE(body["details"].size(), std::size_t(1));
        QCOMPARE_JSON(body["details"][0]["path"], parameter.toStdString());
        QVERIFY2(reply->body.find("ERROR") == std::string::npos, reply->body.c_str());
    }

    // 8: a number too large to keep is valid JSON: a violation naming it.
    void hugeNumberIsAViolationNamingItsPath_data()
    {
        QTest::addColumn<QString>("metadata");
        QTest::addColumn<QString>("path");
        QTest::newRow("1e400") << R"({"n":1e400})" << "metadata.n";
        QTest::newRow("-1e400 in a list") << R"({"list":[1,{"x":-1e400}]})" << "metadata.list[1].x";
        QTest::newRow("2^70") << R"({"big":1180591620717411303424})" << "metadata.big";
    }

    void hugeNumberIsAViolationNamingItsPath()
    {
        QFETCH(QString, metadata);
        QFETCH(QString, path);
        auto body = smsPayload(uniqueId("huge")).dump();
        body.insert(body.size() - 1, R"(,"metadata":)" + metadata.toStdString());
        verifyViolation(TestHttpClient(port()).request("POST", "/v1/ingest/sms", ingestHeaders(), body),
                        path.toStdString());
    }

    // 9: keys can come from files, so they stay out of the process list.
    void keysFromFilesStayOutOfTheProcessList()
    {
        QTemporaryDir dir;
        QFile keys(dir.filePath("api-keys"));
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write("acme:secret-from-file\nbeta:other-secret-from-file\n");
        keys.close();
        QFile adminKey(dir.filePath("admin-key"));
        QVERIFY(adminKey.open(QIODevice::WriteOnly));
        adminKey.write("admin-secret-from-file\n");
        adminKey.close();

        ServerProcess server;
        QVERIFY(server.start({"--role", "api", "--redis-url", redisUrlForDatabase(kRedisDb), "--database-url",
                              databaseUrl(), "--api-keys-file", keys.fileName(), "--admin-key-file",
                              adminKey.fileName()}));
        const auto accepted = postJson(server.port(), "/v1/ingest/sms", "other-secret-from-file",
                                       smsPayload(uniqueId("file")));
        QCOMPARE(accepted->status, 202);
        QCOMPARE_JSON(accepted->json()["tenantId"], "beta");
        const auto admin = TestHttpClient(server.port())
                               .request("GET", "/v1/admin/events/count",
                                        {{"Authorization", "Bearer admin-secret-from-file"}});
        QCOMPARE(admin->status, 200);
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(server.processId()));
        QVERIFY(commandLine.open(QIODevice::ReadOnly));
        QVERIFY(!commandLine.readAll().contains("secret-from-file"));
        QCOMPARE(server.stop(), 0);
    }

    // 10: a refusal is answered at once, even with Redis frozen.
    void refusalDoesNotWaitForAFrozenRedis()
    {
        FreezableProxy redis(portOf(redisUrl()));
        ServerProcess server;
        auto args = backendArgs(viaProxy(redisUrlForDatabase(kRedisDb), redis), databaseUrl());
        args << "--backend-timeout-ms" << "30000";
        QVERIFY(server.start(args));
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(uniqueId("warm")))->status, 202);
        redis.freeze();
        // Far below the backend timeout: a refusal that waited on Redis would not come back in time.
        TestHttpClient client(server.port(), std::chrono::seconds(5));
        const auto invalid = client.request("POST", "/v1/ingest/sms", ingestHeaders(), "{not json");
        QVERIFY(invalid.has_value());
        QCOMPARE(invalid->status, 400);
        QVERIFY(invalid->hasHeader("ratelimit-remaining"));
        const auto unsupported =
            client.request("POST", "/v1/ingest/sms", {{"X-Api-Key", "key-acme"}, {"Content-Type", "text/plain"}}, "x");
        QVERIFY(unsupported.has_value());
        QCOMPARE(unsupported->status, 415);
        redis.thaw();
        QCOMPARE(server.stop(), 0);
    }

    // 11: a repeated header that decides who or what a request is: 400, closed.
    void repeatedDecidingHeaderIsRefused_data()
    {
        QTest::addColumn<QString>("headers");
        QTest::newRow("Authorization") << "Authorization: Bearer key-acme\r\nAuthorization: Bearer other\r\n"
                                          "Content-Type: application/json\r\n";
        QTest::newRow("X-Api-Key") << "X-Api-Key: key-acme\r\nX-Api-Key: other\r\nContent-Type: application/json\r\n";
        QTest::newRow("Content-Type") << "X-Api-Key: key-acme\r\nContent-Type: application/json\r\n"
                                         "Content-Type: text/plain\r\n";
    }

    void repeatedDecidingHeaderIsRefused()
    {
        QFETCH(QString, headers);
        TestHttpClient client(port());
        const std::string body = smsPayload(uniqueId("twice")).dump();
        QVERIFY(client.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\n" + headers.toStdString()
                               + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
        verifyBadRequestAndClose(client);
    }

    // 12: a database that freezes after connecting cannot hang the readiness probe. Readiness is per
    // role: a worker cannot store without the database, an API process admits into Redis without it.
    void readinessAnswersWhileTheDatabaseIsFrozen()
    {
        FreezableProxy database(portOf(databaseUrl()));
        ServerProcess worker;
        ServerProcess api;
        auto args = backendArgs(redisUrlForDatabase(kRedisDb), viaProxy(databaseUrl(), database));
        args << "--backend-timeout-ms" << "1000";
        QVERIFY(worker.start(args + QStringList{"--role", "worker"}));
        QVERIFY(api.start(args));
        QCOMPARE(TestHttpClient(worker.port()).request("GET", "/readyz")->status, 200);
        QCOMPARE(TestHttpClient(api.port()).request("GET", "/readyz")->status, 200);
        database.holdQueries();
        for (int probe = 0; probe < 2; ++probe) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // past the cached answer
            const auto unready = TestHttpClient(worker.port(), std::chrono::seconds(8)).request("GET", "/readyz");
            QVERIFY(unready.has_value());
            QCOMPARE(unready->status, 503);
            QVERIFY(unready->json()["checks"]["database"].get<std::string>().starts_with("down"));
            const auto ready = TestHttpClient(api.port(), std::chrono::seconds(8)).request("GET", "/readyz");
            QVERIFY(ready.has_value());
            QCOMPARE(ready->status, 200);
            QVERIFY(ready->json()["checks"]["database"].get<std::string>().starts_with("down"));
            QCOMPARE_JSON(ready->json()["checks"]["redis"], "ok");
        }
        database.thaw();
        QCOMPARE(worker.stop(), 0);
        QCOMPARE(api.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(HardeningTest)
#include "hardening_test.moc"
