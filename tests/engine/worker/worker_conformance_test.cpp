// Conformance (both backends): the worker's guarantees, seen only through the
// ports. Every queued event is stored exactly once and settled; a failing one
// is retried on the documented schedule, then dead-lettered, and a replay
// stores it once; messages a dead worker held are claimed and stored.
// What only one backend can show (a database down while Redis is up, a
// vanished consumer group) stays in that backend's own worker test.
#include "backend_under_test.h"
#include "sample_event.h"

#include "mccig/core/time_format.h"
#include "mccig/worker/worker_service.h"

#include <QtTest>

using namespace mccig;
using mccig::test::sampleEvent;
using namespace std::chrono_literals;

namespace {

constexpr int kRedisDb = 21;
constexpr int kWait = 30000; // ms: generous bound for "eventually"

WorkerSettings quickSettings()
{
    WorkerSettings settings;
    settings.maxAttempts = 4;
    settings.retryBase = 100ms;
    settings.claimIdle = 30000ms;
    return settings;
}

} // namespace

class WorkerConformanceTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storesEveryEventExactlyOnceAndSettlesIt();
    void failingEventIsRetriedOnScheduleThenDeadLettered();
    void replayedEventIsStoredOnceSimulationIsOff();
    void abandonedMessagesAreClaimedAndStored();

private:
    long long storedCount() { return m_backend->eventRepository()->count({}).value_or(-1); }
    long long deadLetterCount() { return m_backend->deadLetterQueue()->list({1, std::nullopt}).value().total; }
    // Nothing new, nothing held by any consumer, no retry waiting.
    void verifyQueueSettled();

    std::unique_ptr<test::BackendUnderTest> m_store;
    std::shared_ptr<Backend> m_backend;
    std::unique_ptr<EventQueue> m_producer;
};

void WorkerConformanceTest::init()
{
    m_store = std::make_unique<test::BackendUnderTest>("mccig_worker_conformance", kRedisDb);
    m_backend = m_store->openAlone();
    const auto prepared = m_backend->prepare();
    QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
    m_producer = m_backend->eventQueue("producer");
}

void WorkerConformanceTest::cleanup()
{
    m_producer.reset();
    m_backend.reset();
    m_store.reset();
}

void WorkerConformanceTest::verifyQueueSettled()
{
    auto probe = m_backend->eventQueue("probe");
    const auto fresh = probe->read(10, 10ms);
    QVERIFY2(fresh, fresh ? "" : fresh.error().message.c_str());
    QCOMPARE(fresh->size(), std::size_t(0));
    const auto held = probe->claimAbandoned(0ms, 10);
    QVERIFY2(held, held ? "" : held.error().message.c_str());
    QCOMPARE(held->size(), std::size_t(0));
    const auto depth = m_backend->liveStats()->depth();
    QVERIFY2(depth, depth ? "" : depth.error().message.c_str());
    QCOMPARE(depth->queued(), 0LL);
}

void WorkerConformanceTest::storesEveryEventExactlyOnceAndSettlesIt()
{
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 5200; ++i)
        events.push_back(sampleEvent("m-" + std::to_string(i)));
    events.push_back(sampleEvent("m-7")); // a second delivery of the same provider message
    QVERIFY(m_producer->enqueue(events).has_value());
    WorkerService worker(m_backend, quickSettings());
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(worker.counters().persisted, 5201LL, kWait);
    worker.stop();
    QCOMPARE(storedCount(), 5200LL);
    verifyQueueSettled();
    const auto counters = worker.counters();
    QCOMPARE(counters.batchSizeSum, 5201LL);
    QVERIFY(counters.batches >= 2); // at most 5000 a batch
    QCOMPARE(counters.deadLettered, 0LL);
    QVERIFY(worker.health().queueOk);
    QVERIFY(worker.health().storeOk);
    const auto stored = m_backend->eventRepository()->list({.filter = {.providerMessageId = "m-42"}}).value();
    QCOMPARE(stored.items.size(), std::size_t(1));
    QCOMPARE(toJson(stored.items[0]).dump(), toJson(events[42]).dump());
}

void WorkerConformanceTest::failingEventIsRetriedOnScheduleThenDeadLettered()
{
    auto settings = quickSettings();
    settings.simulationMode = true;
    const auto failing = sampleEvent("fails", true);
    QVERIFY(m_producer->enqueue({sampleEvent("ok-1"), failing, sampleEvent("ok-2")}).has_value());
    WorkerService worker(m_backend, settings);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(deadLetterCount(), 1LL, kWait);
    worker.stop();
    QCOMPARE(storedCount(), 2LL);
    QCOMPARE(worker.counters().retried, 3LL);
    QCOMPARE(worker.counters().deadLettered, 1LL);
    verifyQueueSettled();

    const auto page = m_backend->deadLetterQueue()->list({10, std::nullopt}).value();
    QCOMPARE(page.items.size(), std::size_t(1));
    const auto& letter = page.items[0];
    QCOMPARE(letter.id, failing.id);
    QCOMPARE(letter.attempts, 4);
    QCOMPARE(letter.lastError, std::string("simulated failure"));
    QCOMPARE(letter.event, toJson(failing));
    QCOMPARE(letter.failures.size(), std::size_t(4));
    // Each wait doubles within its jitter, and no retry came sooner than scheduled.
    long long previousDelay = 0;
    for (std::size_t i = 0; i + 1 < letter.failures.size(); ++i) {
        const long long delay = letter.failures[i]["retryAfterMs"].get<long long>();
        QVERIFY(delay >= previousDelay);
        QVERIFY(delay >= 100 * (1LL << i) && delay <= 150 * (1LL << i));
        const auto at = parseRfc3339(letter.failures[i]["at"].get<std::string>()).value();
        const auto next = parseRfc3339(letter.failures[i + 1]["at"].get<std::string>()).value();
        QVERIFY(std::chrono::duration_cast<std::chrono::milliseconds>(next - at).count() >= delay - 2);
        QCOMPARE(letter.failures[i]["error"], "simulated failure");
        previousDelay = delay;
    }
    QVERIFY(!letter.failures.back().contains("retryAfterMs"));
}

void WorkerConformanceTest::replayedEventIsStoredOnceSimulationIsOff()
{
    auto settings = quickSettings();
    settings.simulationMode = true;
    settings.maxAttempts = 1;
    const auto failing = sampleEvent("replay-me", true);
    QVERIFY(m_producer->enqueue({failing}).has_value());
    {
        WorkerService failingWorker(m_backend, settings);
        failingWorker.start();
        QTRY_COMPARE_WITH_TIMEOUT(deadLetterCount(), 1LL, kWait);
    }
    QCOMPARE(storedCount(), 0LL);
    settings.simulationMode = false;
    WorkerService worker(m_backend, settings);
    worker.start();
    QCOMPARE(m_backend->deadLetterQueue()->replay(failing.id).value(), true);
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 1LL, kWait);
    worker.stop();
    QCOMPARE(deadLetterCount(), 0LL);
    verifyQueueSettled();
    const auto stored = m_backend->eventRepository()->list({}).value();
    QCOMPARE(toJson(stored.items.at(0)).dump(), toJson(failing).dump());
    // A second replay of the same id finds nothing to replay.
    QCOMPARE(m_backend->deadLetterQueue()->replay(failing.id).value(), false);
}

void WorkerConformanceTest::abandonedMessagesAreClaimedAndStored()
{
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 50; ++i)
        events.push_back(sampleEvent("held-" + std::to_string(i)));
    QVERIFY(m_producer->enqueue(events).has_value());
    auto deadWorker = m_backend->eventQueue("dead-worker");
    const auto held = deadWorker->read(500, 100ms).value(); // taken, never settled
    QCOMPARE(held.size(), std::size_t(50));
    auto settings = quickSettings();
    settings.claimIdle = 300ms;
    WorkerService worker(m_backend, settings);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 50LL, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(worker.counters().persisted, 50LL, kWait);
    worker.stop();
    verifyQueueSettled();
    // The dead worker's late settle finds every message settled already.
    std::vector<std::string> heldIds;
    for (const auto& message : held)
        heldIds.push_back(message.entryId);
    QCOMPARE(deadWorker->acknowledge(heldIds).value_or(99), std::size_t(0));
}

QTEST_GUILESS_MAIN(WorkerConformanceTest)
#include "worker_conformance_test.moc"
