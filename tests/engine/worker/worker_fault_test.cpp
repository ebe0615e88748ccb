#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/event_stream.h"
#include "private_postgres.h"
#include "sample_event.h"
#include "server_process.h"
#include "test_services.h"

#include <QtTest>

using namespace mccig;
using mccig::test::sampleEvent;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 2000ms;
constexpr int kPrivatePostgresPort = 5449;
constexpr int kWait = 60000;

// A `mccig-server --role worker` process.
QStringList workerArguments(const QStringList& args) { return QStringList{"--role", "worker"} + args; }

} // namespace

class WorkerFaultTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void killedWorkersMessagesAreStoredExactlyOnce();
    void frozenDatabaseDeadLettersNothing();

private:
    long long redisInteger(const std::vector<std::string>& command) { return m_redis->command(command).value().integer; }
    long long pendingCount() { return m_redis->command({"XPENDING", "mccig:events", "workers"}).value().elements[0].integer; }

    QString m_redisUrl;
    RedisEndpoint m_endpoint;
    std::unique_ptr<RedisSyncConnection> m_redis;
    std::unique_ptr<RedisEventQueue> m_producer;
};

void WorkerFaultTest::initTestCase()
{
    m_redisUrl = test::redisUrlForDatabase(6);
    m_endpoint = parseRedisUrl(m_redisUrl.toStdString()).value();
    m_redis = std::make_unique<RedisSyncConnection>(m_endpoint, kTimeout);
    m_producer = std::make_unique<RedisEventQueue>(m_endpoint, kTimeout, "producer");
}

void WorkerFaultTest::init()
{
    QVERIFY(m_redis->command({"FLUSHDB"}).has_value());
    QVERIFY(ensureEventStream(*m_redis).has_value());
}

void WorkerFaultTest::killedWorkersMessagesAreStoredExactlyOnce()
{
    const QString databaseUrl = test::freshDatabaseUrl("mccig_worker_kill");
    QVERIFY(applyMigrations(databaseUrl.toStdString(), kTimeout).has_value());
    PostgresEventRepository repository(databaseUrl.toStdString(), kTimeout);
    const QStringList args{"--redis-url", m_redisUrl, "--database-url", databaseUrl, "--claim-idle-ms", "500"};

    test::ServerProcess doomed;
    QVERIFY(doomed.start(workerArguments(args)));
    constexpr int kTotal = 3000;
    for (int sent = 0; sent < kTotal; sent += 100) {
        std::vector<ConversationEvent> chunk;
        for (int i = sent; i < sent + 100; ++i)
            chunk.push_back(sampleEvent("call-" + std::to_string(i)));
        QVERIFY(m_producer->enqueue(chunk).has_value());
        if (sent == 1000) {
            // Mid-stream: let the first worker take some, then kill it without warning.
            QTRY_VERIFY_WITH_TIMEOUT(repository.count({}).value_or(0) > 0, kWait);
            doomed.kill();
        }
    }
    test::ServerProcess survivor;
    QVERIFY(survivor.start(workerArguments(args)));
    QTRY_COMPARE_WITH_TIMEOUT(repository.count({}).value_or(-1), static_cast<long long>(kTotal), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(redisInteger({"XLEN", "mccig:events"}), 0LL, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(pendingCount(), 0LL, kWait);
    QCOMPARE(survivor.stop(), 0);
    QCOMPARE(repository.count({}).value(), static_cast<long long>(kTotal));
    QCOMPARE(redisInteger({"HLEN", "mccig:dlq"}), 0LL);
    QCOMPARE(redisInteger({"ZCARD", "mccig:retry"}), 0LL);
}

void WorkerFaultTest::frozenDatabaseDeadLettersNothing()
{
    test::PrivatePostgres postgres(kPrivatePostgresPort);
    QVERIFY2(postgres.start(), "cannot start the private PostgreSQL cluster");
    const std::string databaseUrl = postgres.url().toStdString();
    QVERIFY(applyMigrations(databaseUrl, kTimeout).has_value());
    PostgresEventRepository repository(databaseUrl, kTimeout);

    // The whole retry schedule (50 + 100 ms) is far shorter than the freeze.
    test::ServerProcess worker;
    QVERIFY(worker.start(workerArguments({"--redis-url", m_redisUrl, "--database-url", postgres.url(),
                                          "--retry-base-ms", "50", "--max-attempts", "3", "--backend-timeout-ms",
                                          "500"})));
    std::vector<ConversationEvent> before;
    for (int i = 0; i < 200; ++i)
        before.push_back(sampleEvent("before-" + std::to_string(i)));
    QVERIFY(m_producer->enqueue(before).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(repository.count({}).value_or(-1), 200LL, kWait);

    postgres.freeze();
    std::vector<ConversationEvent> during;
    for (int i = 0; i < 500; ++i)
        during.push_back(sampleEvent("during-" + std::to_string(i)));
    QVERIFY(m_producer->enqueue(during).has_value());
    QTest::qWait(4000);
    QCOMPARE(redisInteger({"HLEN", "mccig:dlq"}), 0LL);
    QCOMPARE(redisInteger({"ZCARD", "mccig:retry"}), 0LL);
    QCOMPARE(redisInteger({"XLEN", "mccig:events"}), 500LL);
    postgres.thaw();

    QTRY_COMPARE_WITH_TIMEOUT(redisInteger({"XLEN", "mccig:events"}), 0LL, kWait);
    QCOMPARE(repository.count({}).value(), 700LL);
    QCOMPARE(redisInteger({"HLEN", "mccig:dlq"}), 0LL);
    QCOMPARE(worker.stop(), 0);
}

QTEST_GUILESS_MAIN(WorkerFaultTest)
#include "worker_fault_test.moc"
