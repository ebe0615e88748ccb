#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/queue_depth.h"
#include "mccig/queue/redis_dead_letter_queue.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/event_stream.h"
#include "mccig/worker/worker_service.h"
#include "sample_event.h"
#include "test_services.h"
#include "thread_names.h"

#include <QtTest>

#include <map>

using namespace mccig;
using mccig::test::sampleEvent;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 2000ms;
constexpr int kWait = 20000; // ms: generous bound for "eventually"

} // namespace

// The worker on Redis + PostgreSQL: what only this backend can show (trimming
// the stream, a database down while Redis answers, the consumer group). The
// guarantees every backend gives are in worker_conformance_test.cpp.
class WorkerServiceTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void twoWorkersShareTheQueueAndEmptyTheStream();
    void badRowIsIsolatedFromItsBatch();
    void vanishedGroupIsRecreatedWhileRunning();
    void databaseOutageSpendsNoAttempts();
    void redisOutageIsReportedAndStopReturns();
    void idleConsumersHoldingNothingAreRemoved();
    void threadsAreNamedForOperators();

private:
    WorkerSettings settings() const;
    std::shared_ptr<Backend> backend() const { return backendOn(m_endpoint, m_databaseUrl, kTimeout); }
    static std::shared_ptr<Backend> backendOn(RedisEndpoint redis, std::string databaseUrl,
                                              std::chrono::milliseconds timeout)
    {
        return std::make_shared<RedisPostgresBackend>(
            RedisPostgresSettings{std::move(redis), std::move(databaseUrl), timeout});
    }
    long long storedCount();
    long long redisInteger(const std::vector<std::string>& command);
    std::map<std::string, long long> consumersPending();

    RedisEndpoint m_endpoint;
    std::string m_databaseUrl;
    std::unique_ptr<RedisSyncConnection> m_redis;
    std::unique_ptr<PostgresEventRepository> m_repository;
    std::unique_ptr<RedisEventQueue> m_producer;
};

void WorkerServiceTest::initTestCase()
{
    m_endpoint = parseRedisUrl(test::redisUrlForDatabase(5).toStdString()).value();
    m_databaseUrl = test::freshDatabaseUrl("mccig_worker_test").toStdString();
    QVERIFY(applyMigrations(m_databaseUrl, kTimeout).has_value());
    m_redis = std::make_unique<RedisSyncConnection>(m_endpoint, kTimeout);
    m_repository = std::make_unique<PostgresEventRepository>(m_databaseUrl, kTimeout);
    m_producer = std::make_unique<RedisEventQueue>(m_endpoint, kTimeout, "producer");
}

void WorkerServiceTest::init()
{
    QVERIFY(m_redis->command({"FLUSHDB"}).has_value());
    QVERIFY(ensureEventStream(*m_redis).has_value());
    QVERIFY(m_repository->connection().exec("TRUNCATE conversation_events").has_value());
}

WorkerSettings WorkerServiceTest::settings() const
{
    WorkerSettings settings;
    settings.maxAttempts = 4;
    settings.retryBase = 100ms;
    settings.claimIdle = 30000ms;
    return settings;
}

long long WorkerServiceTest::storedCount() { return m_repository->count({}).value_or(-1); }

long long WorkerServiceTest::redisInteger(const std::vector<std::string>& command)
{
    return m_redis->command(command).value().integer;
}

// Each consumer of the group and how many messages it holds.
std::map<std::string, long long> WorkerServiceTest::consumersPending()
{
    std::map<std::string, long long> consumers;
    const auto reply = m_redis->command({"XINFO", "CONSUMERS", "mccig:events", "workers"}).value();
    for (const auto& consumer : reply.elements) {
        std::string name;
        long long pending = -1;
        for (std::size_t i = 0; i + 1 < consumer.elements.size(); i += 2) {
            if (consumer.elements[i].text == "name")
                name = consumer.elements[i + 1].text;
            else if (consumer.elements[i].text == "pending")
                pending = consumer.elements[i + 1].integer;
        }
        consumers[name] = pending;
    }
    return consumers;
}

// Two workers settle batches in whatever order they finish and trim the
// stream concurrently: every message is stored once, and the stream ends
// empty with nothing pending.
void WorkerServiceTest::twoWorkersShareTheQueueAndEmptyTheStream()
{
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 40000; ++i)
        events.push_back(sampleEvent("shared-" + std::to_string(i)));
    QVERIFY(m_producer->enqueue(events).has_value());
    // Eight batches: one worker can hold at most four before it settles any.
    WorkerService first(backend(), settings());
    WorkerService second(backend(), settings());
    first.start();
    second.start();
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 40000LL, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(redisInteger({"XLEN", "mccig:events"}), 0LL, kWait);
    first.stop();
    second.stop();
    QCOMPARE(m_redis->command({"XPENDING", "mccig:events", "workers"})->elements[0].integer, 0LL);
    QCOMPARE(first.counters().persisted + second.counters().persisted, 40000LL);
    QVERIFY(first.counters().persisted > 0);
    QVERIFY(second.counters().persisted > 0);
    QCOMPARE(readQueueDepth(*m_redis)->queued(), 0LL);
}

void WorkerServiceTest::badRowIsIsolatedFromItsBatch()
{
    auto config = settings();
    config.maxAttempts = 2;
    auto bad = sampleEvent("bad");
    bad.rawMetadata["metadata"] = {{"text", std::string("nul\0byte", 8)}}; // jsonb refuses \u0000
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 20; ++i)
        events.push_back(sampleEvent("good-" + std::to_string(i)));
    events.insert(events.begin() + 10, bad);
    QVERIFY(m_producer->enqueue(events).has_value());
    WorkerService worker(backend(), config);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(redisInteger({"HLEN", "mccig:dlq"}), 1LL, kWait);
    worker.stop();
    QCOMPARE(storedCount(), 20LL);
    RedisDeadLetterQueue dlq(m_endpoint, kTimeout);
    const auto letter = dlq.list({10}).value().items.at(0);
    QCOMPARE(letter.id, bad.id);
    QCOMPARE(letter.attempts, 2);
    QVERIFY2(letter.lastError.starts_with("22P05"), letter.lastError.c_str());
    QCOMPARE(worker.counters().persisted, 20LL);
}

void WorkerServiceTest::vanishedGroupIsRecreatedWhileRunning()
{
    WorkerService worker(backend(), settings());
    worker.start();
    QVERIFY(m_producer->enqueue({sampleEvent("before")}).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 1LL, kWait);
    QVERIFY(m_redis->command({"DEL", "mccig:events"}).has_value());
    QVERIFY(m_producer->enqueue({sampleEvent("after-1"), sampleEvent("after-2")}).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 3LL, kWait);
    worker.stop();
    QVERIFY(worker.health().queueOk);
}

void WorkerServiceTest::databaseOutageSpendsNoAttempts()
{
    auto down = settings();
    down.retryBase = 10ms;
    down.maxAttempts = 2;
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 30; ++i)
        events.push_back(sampleEvent("wait-" + std::to_string(i), false));
    QVERIFY(m_producer->enqueue(events).has_value());
    {
        WorkerService worker(backendOn(m_endpoint, "postgresql://postgres@127.0.0.1:1/postgres", 300ms), down);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!worker.health().storeOk && !worker.health().lastError.empty(), kWait);
        // Far longer than the whole retry schedule (10 + 20 ms).
        QTest::qWait(1500);
        QVERIFY(!worker.health().storeOk);
        QVERIFY(worker.health().queueOk);
        QCOMPARE(worker.counters().retried, 0LL);
        QCOMPARE(worker.counters().deadLettered, 0LL);
        QCOMPARE(m_redis->command({"XPENDING", "mccig:events", "workers"})->elements[0].integer, 30LL);
    }
    QCOMPARE(redisInteger({"HLEN", "mccig:dlq"}), 0LL);
    QCOMPARE(redisInteger({"ZCARD", "mccig:retry"}), 0LL);
    // The database is back (another worker, the real URL): everything is stored.
    auto up = settings();
    up.claimIdle = 200ms;
    WorkerService worker(backend(), up);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 30LL, kWait);
    worker.stop();
    QVERIFY(worker.health().storeOk);
}

void WorkerServiceTest::redisOutageIsReportedAndStopReturns()
{
    auto unreachable = m_endpoint;
    unreachable.port = 1; // refused at once, whatever the timeout
    WorkerService worker(backendOn(unreachable, m_databaseUrl, kTimeout), settings());
    worker.start();
    QTRY_VERIFY_WITH_TIMEOUT(!worker.health().queueOk && !worker.health().lastError.empty(), kWait);
    // The queue is tried first at start; the store's answer may come a little later.
    QTRY_VERIFY_WITH_TIMEOUT(worker.health().storeOk, kWait);
    worker.stop(); // returns although no backend call can succeed
    QCOMPARE(worker.counters().batches, 0LL);
}

void WorkerServiceTest::idleConsumersHoldingNothingAreRemoved()
{
    QVERIFY(m_redis->command({"XGROUP", "CREATECONSUMER", "mccig:events", "workers", "gone"}).has_value());
    QVERIFY(m_producer->enqueue({sampleEvent("held")}).has_value());
    RedisEventQueue holder(m_endpoint, kTimeout, "holding");
    QCOMPARE(holder.read(10, 100ms)->size(), std::size_t(1)); // taken, never settled
    auto config = settings();
    config.deadConsumerIdle = 500ms;
    WorkerService worker(backend(), config);
    worker.start();
    QTRY_VERIFY_WITH_TIMEOUT(!consumersPending().contains("gone"), kWait);
    QCOMPARE(consumersPending().at("holding"), 1LL);
    // Whether or not the sweep removed the worker's own consumer too, it goes on.
    QVERIFY(m_producer->enqueue({sampleEvent("after")}).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 1LL, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(m_redis->command({"XPENDING", "mccig:events", "workers"})->elements[0].integer, 1LL,
                              kWait);
    worker.stop();
    QCOMPARE(consumersPending().at("holding"), 1LL);
}

void WorkerServiceTest::threadsAreNamedForOperators()
{
    WorkerService worker(backend(), settings());
    worker.start();
    const qint64 self = QCoreApplication::applicationPid();
    QTRY_COMPARE_WITH_TIMEOUT(test::threadNamesOf(self)["mccig-settle"], 2, kWait);
    const auto names = test::threadNamesOf(self);
    QCOMPARE(names.at("mccig-fetch"), 1);
    QCOMPARE(names.at("mccig-ack"), 1);
    worker.stop();
    QCOMPARE(test::threadNamesOf(self).count("mccig-fetch"), std::size_t(0));
}

QTEST_GUILESS_MAIN(WorkerServiceTest)
#include "worker_service_test.moc"
