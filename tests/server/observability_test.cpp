// What an operator sees of a running server: /metrics read by the Prometheus
// client's own parser. The server runs on a Redis of this test's
// own, reached as an ACL user, so the test can take Redis away.
#include "private_redis.h"
#include "server_process.h"
#include "test_http_client.h"
#include "test_services.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace mccig::test;
using Json = nlohmann::json;

namespace {

const QString kAclPassword = QStringLiteral("pw@secret:1");
const QString kAclPasswordInUrl = QStringLiteral("pw%40secret%3A1");
const std::string kAdminKey = "admin-secret-value";
const std::string kTenantKey = "key-secret-acme";

bool createAclUser(int port)
{
    QProcess cli;
    cli.start("redis-cli", {"-p", QString::number(port), "ACL", "SETUSER", "mccig", "reset", "on",
                            ">" + kAclPassword, "~*", "&*", "+@all"});
    return cli.waitForFinished(5000) && cli.readAllStandardOutput().trimmed() == "OK";
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
    std::unique_ptr<PrivateRedis> m_redis;
    ServerProcess m_server;
    QString m_log;
    QString m_databaseUrl;

    std::optional<HttpReply> get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {})
    {
        TestHttpClient client(m_server.port());
        return client.request("GET", target, headers);
    }

    QString redisUrl() const
    {
        return QStringLiteral("redis://mccig:%1@127.0.0.1:%2/0").arg(kAclPasswordInUrl).arg(m_redis->port());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_redis = std::make_unique<PrivateRedis>(m_dir.path(), PrivateRedis::freePort());
        QVERIFY(m_redis->start());
        QVERIFY(createAclUser(m_redis->port()));
        m_log = m_dir.filePath("server.log");
        m_databaseUrl = freshDatabaseUrl("mccig_server_observability");
        m_server.logTo(m_log);
        QVERIFY(m_server.start({"--role", "all", "--redis-url", redisUrl(), "--database-url", m_databaseUrl,
                                "--api-keys", QString::fromStdString("acme:" + kTenantKey), "--admin-key",
                                QString::fromStdString(kAdminKey), "--simulation-mode", "--max-attempts", "1"}));
    }

    void aclUserOfTheRedisUrlServesIngest()
    {
        const auto reply = postJson(m_server.port(), "/v1/ingest/sms", kTenantKey, sms("acl-1"));
        QVERIFY(reply.has_value());
        QCOMPARE(reply->status, 202);
    }

    void metricsParseWithThePrometheusParser()
    {
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
                                 "mccig_worker_batch_size"})
            QVERIFY2(families.contains(name), name);
        QCOMPARE(typeOf("mccig_worker_batch_size"), std::string("histogram"));
        QCOMPARE(typeOf("process_cpu_seconds"), std::string("counter"));
        QVERIFY(!families.contains("mccig_worker_retries")); // the duplicate of mccig_worker_events{outcome="retried"}
        int upBackends = 0;
        for (const auto& sample : families["mccig_backend_up"]["samples"])
            upBackends += sample[2].get<double>() == 1.0 ? 1 : 0;
        QCOMPARE(upBackends, 2);
        QVERIFY(families["process_open_fds"]["samples"][0][2].get<double>() > 3);
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_redis.reset();
    }
};

QTEST_GUILESS_MAIN(ObservabilityTest)
#include "observability_test.moc"
