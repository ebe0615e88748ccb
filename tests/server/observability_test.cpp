// What an operator sees of a running server: its log (start-up line, request
// ids, backend outages, rate-limited dead letters) and /metrics read by the
// Prometheus client's own parser. The server runs on a Redis of this test's
// own, reached as an ACL user, so the test can take Redis away.
#include "private_redis_server.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <thread>

using namespace mccig::test;
using Json = nlohmann::json;

namespace {

const QString kAclPassword = QStringLiteral("pw@secret:1");
const QString kAclPasswordInUrl = QStringLiteral("pw%40secret%3A1");
const std::string kAdminKey = "admin-secret-value";
const std::string kTenantKey = "key-secret-acme";
const QRegularExpression kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

bool createAclUser(int port)
{
    QProcess cli;
    cli.start("redis-cli", {"-p", QString::number(port), "ACL", "SETUSER", "mccig", "reset", "on",
                            ">" + kAclPassword, "~*", "&*", "+@all"});
    return cli.waitForFinished(5000) && cli.readAllStandardOutput().trimmed() == "OK";
}

std::vector<Json> logLines(const QString& path)
{
    QFile file(path);
    std::vector<Json> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray& line : file.readAll().split('\n')) {
        auto json = Json::parse(line.toStdString(), nullptr, false);
        if (json.is_object())
            lines.push_back(std::move(json));
    }
    return lines;
}

std::vector<Json> linesWith(const QString& path, const std::string& message)
{
    std::vector<Json> found;
    for (auto& line : logLines(path))
        if (line.value("msg", "") == message)
            found.push_back(line);
    return found;
}

// Waits up to `seconds` for a log line that `matches`.
std::optional<Json> awaitLine(const QString& path, const std::function<bool(const Json&)>& matches, int seconds = 10)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        for (const auto& line : logLines(path))
            if (matches(line))
                return line;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
}

Json sms(const std::string& id, bool failing = false)
{
    Json body{{"providerMessageId", id}, {"from", "+14155550100"}, {"to", "+14155550199"}, {"body", "Hello"}};
    if (failing)
        body["metadata"] = {{"simulateFailure", true}};
    return body;
}

} // namespace

class ObservabilityTest final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PrivateRedisServer> m_redis;
    ServerProcess m_server;
    QString m_log;
    QString m_databaseUrl;

    std::optional<HttpReply> get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {})
    {
        TestHttpClient client(m_server.port());
        return client.request("GET", target, headers);
    }

    // The value of the sample written exactly `sample` in /metrics, or -1.
    long long metricValue(const std::string& sample)
    {
        const auto reply = get("/metrics");
        if (!reply)
            return -1;
        const auto at = reply->body.find("\n" + sample + " ");
        return at == std::string::npos ? -1 : std::stoll(reply->body.substr(at + sample.size() + 2));
    }

    QString redisUrl() const
    {
        return QStringLiteral("redis://mccig:%1@127.0.0.1:%2/0").arg(kAclPasswordInUrl).arg(m_redis->port());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_redis = std::make_unique<PrivateRedisServer>();
        QVERIFY(m_redis->start());
        QVERIFY(createAclUser(m_redis->port()));
        m_log = m_dir.filePath("server.log");
        m_databaseUrl = freshDatabaseUrl("mccig_server_observability");
        m_server.logTo(m_log);
        QVERIFY(m_server.start({"--role", "all", "--redis-url", redisUrl(), "--database-url", m_databaseUrl,
                                "--api-keys", QString::fromStdString("acme:" + kTenantKey), "--admin-key",
                                QString::fromStdString(kAdminKey), "--access-log", "--simulation-mode",
                                "--max-attempts", "1"}));
    }

    void startUpLineShowsTheConfigurationWithoutSecrets()
    {
        const auto starting = linesWith(m_log, "starting");
        QCOMPARE(starting.size(), std::size_t(1));
        const Json& config = starting[0].at("config");
        QCOMPARE(QString::fromStdString(config.at("redisUrl")),
                 QStringLiteral("redis://mccig:***@127.0.0.1:%1/0").arg(m_redis->port()));
        QVERIFY(config.at("apiKeyTenants") == Json::array({"acme"}));
        QVERIFY(config.at("adminKey") == Json("set"));
        QVERIFY(config.at("accessLog") == Json(true));
        QVERIFY(config.at("logLevel") == Json("info"));
        QVERIFY(starting[0].contains("version"));
        QFile file(m_log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray all = file.readAll();
        for (const QByteArray& secret : {kAclPassword.toUtf8(), kAclPasswordInUrl.toUtf8(), QByteArray(kAdminKey.c_str()),
                                        QByteArray(kTenantKey.c_str())})
            QVERIFY2(!all.contains(secret), secret.constData());
    }

    void aclUserOfTheRedisUrlServesIngest()
    {
        const auto reply = postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("acl-1"));
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
    }

    void requestIdFromTheClientIsEchoedAndLogged()
    {
        const auto reply = get("/healthz", {{"X-Request-Id", "trace-42.a:b/c+d=@e"}});
        QVERIFY(reply.has_value());
        QCOMPARE(reply->header("x-request-id"), std::string("trace-42.a:b/c+d=@e"));
        const auto line = awaitLine(m_log, [](const Json& l) { return l.value("requestId", "") == "trace-42.a:b/c+d=@e"; });
        QVERIFY(line.has_value());
        QVERIFY(line->at("msg") == Json("access"));
        QVERIFY(line->at("method") == Json("GET"));
        QVERIFY(line->at("target") == Json("/healthz"));
        QVERIFY(line->at("status") == Json(200));
    }

    void requestIdIsMadeWhenMissingOrInvalid_data()
    {
        QTest::addColumn<QString>("offered");
        QTest::newRow("missing") << QString();
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("space") << QStringLiteral("two words");
        QTest::newRow("quote") << QStringLiteral("a\"b");
        QTest::newRow("too long") << QString(129, 'a');
        QTest::newRow("not ascii") << QStringLiteral("caf\u00e9");
    }

    void requestIdIsMadeWhenMissingOrInvalid()
    {
        QFETCH(QString, offered);
        std::vector<std::pair<std::string, std::string>> headers;
        if (!offered.isNull())
            headers.emplace_back("X-Request-Id", offered.toStdString());
        const auto first = get("/healthz", headers);
        const auto second = get("/healthz", headers);
        QVERIFY(first && second);
        const QString id = QString::fromStdString(first->header("x-request-id"));
        QVERIFY2(kUuid.match(id).hasMatch(), qPrintable(id));
        QVERIFY(first->header("x-request-id") != second->header("x-request-id"));
        QVERIFY(awaitLine(m_log, [&](const Json& l) { return l.value("requestId", "") == id.toStdString(); }));
    }

    void requestIdOnEveryAnswer()
    {
        // A refusal before any route, and bytes that are not HTTP at all.
        const auto unauthorized = postJson(m_server.port(), "/v1/ingest/sms", "wrong-key", sms("x"));
        QVERIFY(unauthorized.has_value());
        QCOMPARE(unauthorized->status, 401);
        QVERIFY(kUuid.match(QString::fromStdString(unauthorized->header("x-request-id"))).hasMatch());
        TestHttpClient raw(m_server.port());
        QVERIFY(raw.sendRaw("NOT HTTP\r\n\r\n"));
        const auto garbage = raw.readReply();
        QVERIFY(garbage.has_value());
        QCOMPARE(garbage->status, 400);
        QVERIFY(kUuid.match(QString::fromStdString(garbage->header("x-request-id"))).hasMatch());
    }

    void metricsParseWithThePrometheusParser()
    {
        // Backends are probed once a second: wait for a probe of each.
        QTRY_VERIFY_WITH_TIMEOUT(get("/metrics")->body.find("mccig_backend_up{backend=\"database\"} 1") != std::string::npos
                                     && get("/metrics")->body.find("mccig_backend_up{backend=\"redis\"} 1") != std::string::npos,
                                 10000);
        const auto reply = get("/metrics");
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 200);
        QProcess parser;
        parser.start("/usr/bin/python3", {QStringLiteral(MCCIG_TEST_SOURCE_DIR "/parse_metrics.py")});
        QVERIFY(parser.waitForStarted(5000));
        parser.write(QByteArray::fromStdString(reply->body));
        parser.closeWriteChannel();
        QVERIFY(parser.waitForFinished(30000));
        QVERIFY2(parser.exitCode() == 0, parser.readAllStandardError().constData());
        const Json families = Json::parse(parser.readAllStandardOutput().toStdString());
        for (const auto& [name, family] : families.items()) {
            QVERIFY2(family.at("type") != "unknown", name.c_str()); // every sample belongs to its TYPE line
            QVERIFY2(!family.at("samples").empty(), name.c_str());
        }
        const auto typeOf = [&](const char* name) { return families.contains(name) ? families[name].value("type", "") : ""; };
        QCOMPARE(typeOf("mccig_build_info"), std::string("gauge"));
        QVERIFY(families["mccig_build_info"]["samples"][0][1].contains("version"));
        for (const char* name : {"process_cpu_seconds", "process_resident_memory_bytes", "process_open_fds",
                                 "process_start_time_seconds", "mccig_queue_oldest_age_seconds", "mccig_queue_depth",
                                 "mccig_dlq_depth", "mccig_backend_up", "mccig_ingest_requests",
                                 "mccig_ingest_request_duration_seconds", "mccig_worker_events",
                                 "mccig_worker_batch_size", "mccig_admission_batch_size"})
            QVERIFY2(families.contains(name), name);
        QCOMPARE(typeOf("mccig_worker_batch_size"), std::string("histogram"));
        QCOMPARE(typeOf("mccig_admission_batch_size"), std::string("histogram"));
        QCOMPARE(typeOf("process_cpu_seconds"), std::string("counter"));
        QVERIFY(!families.contains("mccig_worker_retries")); // the duplicate of mccig_worker_events{outcome="retried"}
        int upBackends = 0;
        for (const auto& sample : families["mccig_backend_up"]["samples"])
            upBackends += sample[2].get<double>() == 1.0 ? 1 : 0;
        QCOMPARE(upBackends, 2);
        QVERIFY(families["process_open_fds"]["samples"][0][2].get<double>() > 3);
    }

    // One request at a time, each admission is a call of its own.
    void admissionBatchSizesCountEveryAdmission()
    {
        const long long callsBefore = metricValue("mccig_admission_batch_size_count");
        const long long admissionsBefore = metricValue("mccig_admission_batch_size_sum");
        const long long singlesBefore = metricValue("mccig_admission_batch_size_bucket{le=\"1\"}");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("sized-" + std::to_string(i)))->status,
                     202);
        QCOMPARE(postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("sized-0"))->status, 200);
        QCOMPARE(metricValue("mccig_admission_batch_size_count"), callsBefore + 4);
        QCOMPARE(metricValue("mccig_admission_batch_size_sum"), admissionsBefore + 4);
        QCOMPARE(metricValue("mccig_admission_batch_size_bucket{le=\"1\"}"), singlesBefore + 4);
    }

    // 40 messages dead-lettered at once write a handful of lines; the next
    // line after the storm says how many were left out, so none is lost.
    void deadLetterStormIsRateLimitedInTheLog()
    {
        for (int i = 0; i < 40; ++i)
            QCOMPARE(postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("storm-" + std::to_string(i), true))->status,
                     202);
        const std::vector<std::pair<std::string, std::string>> admin{{"Authorization", "Bearer " + kAdminKey}};
        QTRY_VERIFY_WITH_TIMEOUT(get("/v1/admin/dlq?limit=1", admin)->json().value("total", 0) == 40, 20000);
        std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // a new second of the log budget
        QCOMPARE(postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("after-storm", true))->status, 202);
        QVERIFY(awaitLine(m_log, [](const Json& l) {
            return l.value("msg", "") == "event moved to the dead-letter queue" && l.contains("suppressed");
        }));
        std::size_t written = 0;
        std::size_t suppressed = 0;
        for (const auto& line : linesWith(m_log, "event moved to the dead-letter queue")) {
            ++written;
            suppressed += line.value("suppressed", std::size_t(0));
            QVERIFY(line.at("level") == Json("error"));
            QVERIFY(line.contains("eventId"));
        }
        QVERIFY2(written <= 20, std::to_string(written).c_str());
        QCOMPARE(written + suppressed, std::size_t(41));
    }

    // Last: takes Redis away.
    void redisOutageIsLoggedOnceDownAndOnceUp()
    {
        m_redis->kill();
        QVERIFY(awaitLine(m_log, [](const Json& l) { return l.value("msg", "") == "backend down" && l.value("backend", "") == "redis"; }));
        const auto refused = get("/readyz", {{"X-Request-Id", "during-outage"}});
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 503);
        QCOMPARE(refused->header("x-request-id"), std::string("during-outage"));
        const auto line = awaitLine(m_log, [](const Json& l) { return l.value("requestId", "") == "during-outage"; });
        QVERIFY(line.has_value());
        QVERIFY(line->at("level") == Json("warning"));
        std::this_thread::sleep_for(std::chrono::seconds(2)); // more failed probes: still one "down" line
        QVERIFY(m_redis->start());
        QVERIFY(createAclUser(m_redis->port()));
        const auto up = awaitLine(m_log, [](const Json& l) { return l.value("msg", "") == "backend up" && l.value("backend", "") == "redis"; });
        QVERIFY(up.has_value());
        QVERIFY(up->at("downForSeconds").get<double>() >= 2.0);
        std::size_t down = 0;
        for (const auto& l : linesWith(m_log, "backend down"))
            down += l.value("backend", "") == "redis" ? 1 : 0;
        QCOMPARE(down, std::size_t(1));
        QCOMPARE(linesWith(m_log, "backend up").size(), std::size_t(1));
    }

    void logLevelWarningLeavesOutInfoLines()
    {
        const QString log = m_dir.filePath("quiet.log");
        ServerProcess quiet;
        quiet.logTo(log);
        QVERIFY(quiet.start({"--role", "api", "--redis-url", redisUrl(), "--database-url", m_databaseUrl,
                             "--log-level", "warning", "--access-log"}));
        TestHttpClient client(quiet.port());
        QCOMPARE(client.request("GET", "/healthz")->status, 200);
        QCOMPARE(quiet.stop(), 0);
        for (const auto& line : logLines(log))
            QVERIFY2(line.value("level", "") != "info", line.dump().c_str());
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_redis.reset();
    }
};

QTEST_GUILESS_MAIN(ObservabilityTest)
#include "observability_test.moc"
