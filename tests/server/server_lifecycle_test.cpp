// The server as a process: command line, start-up, roles, signals, and a
// Redis that goes away and comes back.
#include "ingest_payloads.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"
#include "thread_names.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include "json_compare.h"
#include "private_redis_server.h"

#include <QTest>

#include <csignal>
#include <thread>

using namespace mccig;
using namespace mccig::test;

namespace {

constexpr int kRedisDb = 8;
constexpr int kCountersRedisDb = 22;

QStringList backends(const QString& databaseName)
{
    return {"--redis-url", redisUrlForDatabase(kRedisDb), "--database-url", freshDatabaseUrl(databaseName)};
}

// An API process for tenant acme (key-acme) on a Redis of the test's own and
// a fresh database, waiting `backendTimeoutMs` for either.
QStringList apiOn(const QString& redisUrl, const QString& databaseName, const QString& backendTimeoutMs)
{
    return {"--role", "api", "--redis-url", redisUrl, "--database-url", freshDatabaseUrl(databaseName),
            "--api-keys", "acme:key-acme", "--backend-timeout-ms", backendTimeoutMs};
}

// The answer to message `id` sent again, once the server has its Redis back:
// it answers 503 while it reconnects in the background (up to 10 s here).
int statusOnceRedisIsBack(int port, const std::string& id)
{
    int status = 503;
    for (int i = 0; i < 100 && status == 503; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const auto reply = postJson(port, "/v1/ingest/sms", "key-acme", smsPayload(id));
        status = reply ? reply->status : 503;
    }
    return status;
}

} // namespace

class ServerLifecycleTest final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dataDirs; // the embedded backend's, one folder per test that needs one

private slots:
    void initTestCase()
    {
        const auto endpoint = parseRedisUrl(redisUrlForDatabase(kRedisDb).toStdString());
        QVERIFY(endpoint.has_value());
        RedisSyncConnection redis(*endpoint, std::chrono::seconds(5));
        QVERIFY(redis.command({"FLUSHDB"}).has_value());
    }

    // What a server counted reaches the live counters however it goes away.
    // Stopping, it flushes what it counted since its last flush (every 200 ms)
    // on its way out. Killed, it loses at most that last interval's counts,
    // never an event: counts a second old (five intervals) are in Redis.
    void serverGoingAwayKeepsItsCounts_data()
    {
        QTest::addColumn<bool>("killed");
        QTest::newRow("stopped") << false;
        QTest::newRow("killed a second later") << true;
    }

    void serverGoingAwayKeepsItsCounts()
    {
        QFETCH(bool, killed);
        // A Redis database of its own: the events it leaves unstored would
        // reach the next test's worker.
        const QString redisUrl = redisUrlForDatabase(kCountersRedisDb);
        const auto endpoint = parseRedisUrl(redisUrl.toStdString());
        QVERIFY(endpoint.has_value());
        RedisSyncConnection redis(*endpoint, std::chrono::seconds(5));
        QVERIFY(redis.command({"FLUSHDB"}).has_value());
        ServerProcess server;
        QVERIFY(server.start({"--redis-url", redisUrl, "--database-url", freshDatabaseUrl("mccig_server_lifecycle"),
                              "--role", "api", "--shutdown-grace", "0", "--api-keys", "counted:key-counted"}));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-counted", smsPayload(newUuidV7()))->status, 202);
        if (killed) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            server.kill();
        } else {
            QCOMPARE(server.stop(), 0);
        }
        const auto accepted = redis.command({"HGET", "mccig:tenant:counted", "accepted"});
        QVERIFY(accepted.has_value() && accepted->isString());
        QCOMPARE(accepted->text, std::string("3"));
        const auto queued = redis.command({"XLEN", std::string(kEventStreamKey)});
        QVERIFY(queued.has_value() && queued->isInteger());
        QCOMPARE(queued->integer, 3LL);
    }

    void helpAndVersionExitZero()
    {
        const auto help = ServerProcess::runToExit({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--redis-url"));
        QVERIFY(help.out.contains("MCCIG_TENANT_RATE_LIMITS"));
        const auto version = ServerProcess::runToExit({"--version"});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("mccig-server " MCCIG_PROJECT_VERSION));
    }

    void configurationErrorsExitTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QStringList both{"--redis-url", "redis://127.0.0.1:6391/8", "--database-url",
                               "postgresql://postgres@127.0.0.1:5441/postgres"};
        QTest::newRow("unknown flag") << (both + QStringList{"--frobnicate"}) << "--frobnicate";
        QTest::newRow("malformed port") << (both + QStringList{"--listen", "127.0.0.1:x"}) << "--listen";
        QTest::newRow("malformed rate") << (both + QStringList{"--rate-limit", "fast"}) << "--rate-limit";
        QTest::newRow("bad tenant") << (both + QStringList{"--api-keys", "Big Co:k"}) << "Big Co";
        QTest::newRow("only redis") << QStringList{"--redis-url", "redis://127.0.0.1:6391"} << "together";
        QTest::newRow("only database") << QStringList{"--database-url", "postgresql://x@127.0.0.1/y"} << "together";
        QTest::newRow("embedded backend, role api") << QStringList{"--data-dir", "/tmp/mccig-unused", "--role", "api"}
                                                    << "--role must be all";
        QTest::newRow("keys subcommand") << QStringList{"keys", "add"} << "keys";
        QTest::newRow("migrate with only redis") << QStringList{"migrate", "--redis-url", "redis://127.0.0.1:6391"}
                                                 << "migrate needs --database-url";
        QTest::newRow("redis over TLS") << QStringList{"--redis-url", "rediss://127.0.0.1:6380/0", "--database-url",
                                                       "postgresql://x@127.0.0.1/y"}
                                        << "stunnel or a TLS sidecar";
    }

    void configurationErrorsExitTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto outcome = ServerProcess::runToExit(args);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(mentions), qPrintable(outcome.err));
        QCOMPARE(outcome.err.trimmed().count('\n'), 0);
        QVERIFY(outcome.out.isEmpty());
    }

    void anUnusableDatabaseExitsTwoNamingIt_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("a text file as the database") << "mccig.db" << QByteArray("not a database\n") << "mccig.db";
        QTest::newRow("a database cut short") << "mccig.db" << QByteArray("SQLite format 3\0", 16) << "mccig.db";
        QTest::newRow("a log without its database") << "mccig.db-wal" << QByteArray(4096, 'w') << "mccig.db-wal";
        QTest::newRow("a folder as the database") << "mccig.db/" << QByteArray() << "mccig.db";
    }

    void anUnusableDatabaseExitsTwoNamingIt()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        const QString dataDir = m_dataDirs.path() + "/" + QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        QVERIFY(QDir().mkpath(dataDir));
        if (file.endsWith('/')) {
            QVERIFY(QDir().mkpath(dataDir + "/" + file));
        } else {
            QFile written(dataDir + "/" + file);
            QVERIFY(written.open(QIODevice::WriteOnly));
            written.write(content);
        }
        const auto outcome = ServerProcess::runToExit({"--data-dir", dataDir, "--listen", "127.0.0.1:0"});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(mentions), qPrintable(outcome.err));
    }

    void environmentVariablesConfigureTheServer()
    {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("MCCIG_REDIS_URL", "redis://127.0.0.1:6391/8");
        env.insert("MCCIG_DATABASE_URL", "postgresql://postgres@127.0.0.1:5441/postgres");
        env.insert("MCCIG_IDEMPOTENCY_TTL", "never");
        process.setProcessEnvironment(env);
        process.start(ServerProcess::binary(), {});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("MCCIG_IDEMPOTENCY_TTL"));
    }

    void migrateAppliesTheSchemaAndIsIdempotent_data()
    {
        QTest::addColumn<QStringList>("backend");
        QTest::newRow("postgresql") << QStringList{"--database-url", freshDatabaseUrl("mccig_server_migrate")};
        QTest::newRow("embedded") << QStringList{"--data-dir", m_dataDirs.path() + "/migrate"};
    }

    void migrateAppliesTheSchemaAndIsIdempotent()
    {
        QFETCH(QStringList, backend);
        const auto first = ServerProcess::runToExit(QStringList{"migrate"} + backend);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.startsWith("applied "));
        QVERIFY(!first.out.startsWith("applied 0 "));
        const auto second = ServerProcess::runToExit(QStringList{"migrate"} + backend);
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.startsWith("applied 0 "));
    }

    void migrateFailureExitsOne()
    {
        const auto outcome = ServerProcess::runToExit(
            {"migrate", "--database-url", "postgresql://postgres@127.0.0.1:1/none", "--backend-timeout-ms", "500"});
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY(outcome.err.contains("migrations failed"));
    }

    void allRoleStoresEventsAndSigtermExitsZero()
    {
        ServerProcess server;
        QVERIFY(server.start(backends("mccig_server_lifecycle")
                             + QStringList{"--role", "all", "--api-keys", "acme:key-acme"}));
        TestHttpClient idle(server.port()); // an idle keep-alive connection must not delay the exit
        QCOMPARE(idle.request("GET", "/healthz")->status, 200);
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 202);
        // Role "all": this process's worker stores the event, and /metrics shows it.
        bool persisted = false;
        for (int i = 0; i < 100 && !persisted; ++i) {
            TestHttpClient scrape(server.port());
            const auto metrics = scrape.request("GET", "/metrics");
            persisted = metrics && metrics->body.find("mccig_worker_events_total{outcome=\"persisted\"} 1\n")
                                       != std::string::npos;
            if (!persisted)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QVERIFY(persisted);
        const auto threads = threadNamesOf(server.processId());
        for (const char* name : {"mccig-io", "mccig-blocking", "mccig-keys", "mccig-fetch", "mccig-settle", "mccig-ack"})
            QVERIFY2(threads.contains(name), name);
        const auto started = std::chrono::steady_clock::now();
        QCOMPARE(server.stop(), 0);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
        QVERIFY(idle.closedByServer());
    }

    void healthcheckSubcommandAsksTheRunningServer()
    {
        ServerProcess server;
        QVERIFY(server.start(backends("mccig_server_healthcheck") + QStringList{"--role", "worker"}));
        const QString port = QString::number(server.port());
        const auto healthy = ServerProcess::runToExit({"healthcheck", "--listen", "127.0.0.1:" + port});
        QCOMPARE(healthy.exitCode, 0);
        QVERIFY(healthy.out.isEmpty() && healthy.err.isEmpty());
        // A server listening on every address is asked on loopback, as in a container.
        QCOMPARE(ServerProcess::runToExit({"healthcheck", "--listen", "0.0.0.0:" + port}).exitCode, 0);
        // The variable works as for the server itself.
        QProcess fromEnvironment;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("MCCIG_LISTEN", "127.0.0.1:" + port);
        fromEnvironment.setProcessEnvironment(env);
        fromEnvironment.start(ServerProcess::binary(), {"healthcheck"});
        QVERIFY(fromEnvironment.waitForFinished(30000));
        QCOMPARE(fromEnvironment.exitCode(), 0);
        QCOMPARE(server.stop(), 0);

        const auto gone = ServerProcess::runToExit({"healthcheck", "--listen", "127.0.0.1:" + port});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains("healthcheck: 127.0.0.1:" + port), qPrintable(gone.err));
        QCOMPARE(gone.err.trimmed().count('\n'), 0);
        const auto noPort = ServerProcess::runToExit({"healthcheck", "--listen", "127.0.0.1:0"});
        QCOMPARE(noPort.exitCode, 1);
        QVERIFY2(noPort.err.contains("port"), qPrintable(noPort.err));
    }

    void healthcheckReportsAnEndpointThatIsNotHealthy()
    {
        // A listener that answers 503, as a proxy in front of a stopped server would.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        connect(&listener, &QTcpServer::newConnection, &listener, [&listener] {
            QTcpSocket* socket = listener.nextPendingConnection();
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
        QProcess probe;
        probe.start(ServerProcess::binary(),
                    {"healthcheck", "--listen", "127.0.0.1:" + QString::number(listener.serverPort())});
        QVERIFY(QTest::qWaitFor([&] { return probe.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(probe.exitCode(), 1);
        QVERIFY(probe.readAllStandardError().contains("HTTP/1.1 503 Service Unavailable"));
    }

    // The contract's SIGTERM, with no grace asked for: no new connection is
    // accepted from then on, and the process exits 0.
    void sigtermStopsAcceptingAtOnce()
    {
        ServerProcess server;
        QVERIFY(server.start(backends("mccig_server_sigterm") + QStringList{"--api-keys", "acme:key-acme"}));
        QCOMPARE(TestHttpClient(server.port()).request("GET", "/healthz")->status, 200);
        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        const auto refused = [&server] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(server.port()));
            return !socket.waitForConnected(500);
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused(), 2000);
        QCOMPARE(server.waitForExit(10000), 0);
    }

    // A backend that stops answering cannot hold SIGTERM past its 10 s, even
    // with a backend timeout longer than that and a request waiting on it.
    void sigtermExitsInTimeWhileRedisIsFrozen()
    {
        PrivateRedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start(apiOn(redis.url(), "mccig_server_sigterm_frozen", "15000")));
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 202);
        redis.freeze();
        TestHttpClient waiting(server.port());
        const std::string body = smsPayload(newUuidV7()).dump();
        QVERIFY(waiting.sendRaw("POST /v1/ingest/sms HTTP/1.1\r\nHost: x\r\nX-Api-Key: key-acme\r\n"
                                "Content-Type: application/json\r\nContent-Length: "
                                + std::to_string(body.size()) + "\r\n\r\n" + body));
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the request waits on Redis
        QElapsedTimer clock;
        clock.start();
        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QCOMPARE(server.waitForExit(12000), 0);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        redis.thaw();
    }

    // SIGTERM with a grace: /readyz fails at once, ingest goes on for the grace, then the process stops.
    void sigtermFailsReadinessBeforeTheDrain()
    {
        ServerProcess server;
        QVERIFY(server.start(backends("mccig_server_grace")
                             + QStringList{"--api-keys", "acme:key-acme", "--shutdown-grace", "3"}));
        TestHttpClient client(server.port());
        QCOMPARE(client.request("GET", "/readyz")->status, 200);
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QTRY_COMPARE_WITH_TIMEOUT(TestHttpClient(server.port()).request("GET", "/readyz")->status, 503, 1000);
        const auto draining = TestHttpClient(server.port()).request("GET", "/readyz");
        QCOMPARE_JSON(draining->json(), (nlohmann::json{{"status", "draining"}}));
        // Still serving: a load balancer that has not noticed yet loses nothing.
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 202);
        QVERIFY2(sinceSignal.elapsed() < 3000, "the checks above should run inside the grace");
        QCOMPARE(server.waitForExit(10000), 0);
        QVERIFY2(sinceSignal.elapsed() >= 3000, "stopped before the grace ended");
    }

    // The local gateway's guarantee on every platform: a parent that dies
    // closes the server's stdin, and a server told to watch it stops, at
    // once (no grace), as on Ctrl-C. One not told to keeps serving.
    void stdinClosingStopsOnlyAServerToldToWatchIt()
    {
        const QStringList args = backends("mccig_server_stdin");
        ServerProcess watching; // a grace it must not wait for
        QVERIFY(watching.start(args + QStringList{"--stop-with-stdin", "--shutdown-grace", "30"}));
        ServerProcess ignoring;
        QVERIFY(ignoring.start(args));
        ignoring.closeInput();
        watching.closeInput();
        QCOMPARE(watching.waitForExit(10000), 0);
        QVERIFY(ignoring.running());
        QCOMPARE(TestHttpClient(ignoring.port()).request("GET", "/healthz")->status, 200);
    }

    void workerRoleServesOnlyOperations()
    {
        ServerProcess server;
        QVERIFY(server.start(backends("mccig_server_worker_role")
                             + QStringList{"--role", "worker", "--api-keys", "acme:key-acme"}));
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 404);
        TestHttpClient client(server.port());
        QCOMPARE(client.request("GET", "/healthz")->status, 200);
        QCOMPARE(client.request("GET", "/readyz")->status, 200);
        const auto metrics = client.request("GET", "/metrics");
        QCOMPARE(metrics->status, 200);
        QVERIFY(metrics->body.find("mccig_worker_events_total{outcome=\"persisted\"}") != std::string::npos);
        QCOMPARE(server.stop(), 0);
    }

    // A Redis that answers PING but refuses writes (at maxmemory with noeviction,
    // or a read-only replica) cannot admit: readiness says so.
    void redisRefusingWritesIsUnready()
    {
        PrivateRedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({"--role", "api", "--redis-url", redis.url(), "--database-url",
                              freshDatabaseUrl("mccig_server_redis_full"), "--api-keys", "acme:key-acme"}));
        QCOMPARE(TestHttpClient(server.port()).request("GET", "/readyz")->status, 200);
        mccig::RedisSyncConnection admin(*mccig::parseRedisUrl(redis.url().toStdString()), std::chrono::seconds(2));
        QVERIFY(admin.command({"CONFIG", "SET", "maxmemory-policy", "noeviction"}).has_value());
        QVERIFY(admin.command({"CONFIG", "SET", "maxmemory", "1"}).has_value());
        QVERIFY(admin.command({"PING"}).has_value()); // it still answers
        std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // past the cached answer
        const auto full = TestHttpClient(server.port()).request("GET", "/readyz");
        QCOMPARE(full->status, 503);
        QVERIFY2(full->json()["checks"]["redis"].get<std::string>().find("OOM") != std::string::npos,
                 full->body.c_str());
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 503);
        QVERIFY(admin.command({"CONFIG", "SET", "maxmemory", "0"}).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(TestHttpClient(server.port()).request("GET", "/readyz")->status, 200, 5000);
        QCOMPARE(server.stop(), 0);
    }

    void redisOutageIs503AndRecovers()
    {
        PrivateRedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start(apiOn(redis.url(), "mccig_server_outage", "500")));
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 202);

        redis.kill();
        const std::string id = newUuidV7();
        const auto down = postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(id));
        QVERIFY(down.has_value());
        QCOMPARE(down->status, 503);
        QCOMPARE_JSON(down->json(), (nlohmann::json{{"error", "unavailable"}}));
        QVERIFY(down->hasHeader("ratelimit-remaining")); // the tenant is known (API.md §3)
        TestHttpClient client(server.port());
        const auto unready = client.request("GET", "/readyz");
        QCOMPARE(unready->status, 503);
        QCOMPARE_JSON(unready->json()["status"], "unready");
        QVERIFY(unready->json()["checks"]["redis"].get<std::string>() != "ok");
        QCOMPARE_JSON(unready->json()["checks"]["database"], "ok");
        // A refusal still stands without Redis, only without its RateLimit headers.
        const auto invalid = client.request("POST", "/v1/ingest/sms",
                                            {{"X-Api-Key", "key-acme"}, {"Content-Type", "application/json"}}, "{");
        QCOMPARE(invalid->status, 400);

        QVERIFY(redis.start());
        QCOMPARE(statusOnceRedisIsBack(server.port(), id), 202); // the 503 left no dedupe record
        // Readiness is probed at most once a second: the answer may lag the recovery by that much.
        QTRY_COMPARE_WITH_TIMEOUT(client.request("GET", "/readyz")->status, 200, 5000);
        QCOMPARE(server.stop(), 0);
    }

    // API.md §3: a 503 leaves no idempotency record, also when Redis froze
    // with the request in it and ran it on waking, after the 503 was sent.
    void frozenRedisIs503AndTheRetryIsAccepted()
    {
        PrivateRedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start(apiOn(redis.url(), "mccig_server_frozen", "500")));
        QCOMPARE(postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(newUuidV7()))->status, 202);

        redis.freeze();
        const std::string id = newUuidV7();
        const auto frozen = postJson(server.port(), "/v1/ingest/sms", "key-acme", smsPayload(id));
        QVERIFY(frozen.has_value());
        QCOMPARE(frozen->status, 503);
        redis.thaw();
        QCOMPARE(statusOnceRedisIsBack(server.port(), id), 202);
        mccig::RedisSyncConnection admin(*mccig::parseRedisUrl(redis.url().toStdString()), std::chrono::seconds(2));
        const auto entries = admin.command({"XRANGE", "mccig:events", "-", "+"});
        QVERIFY(entries.has_value());
        int queued = 0;
        for (const auto& entry : entries->elements)
            for (const auto& field : entry.elements.at(1).elements)
                queued += field.text.find("\"" + id + "\"") != std::string::npos ? 1 : 0;
        QCOMPARE(queued, 1);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(ServerLifecycleTest)
#include "server_lifecycle_test.moc"
