#include "mccig/backends/embedded_backend.h"
#include "mccig/core/uuid.h"
#include "mccig/worker/worker_service.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

ConversationEvent eventFor(const std::string& providerMessageId, nlohmann::json metadata = nlohmann::json::object())
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = "acme";
    event.providerMessageId = providerMessageId;
    event.channel = Channel::Chat;
    event.content = "hello";
    event.rawMetadata = {{"metadata", std::move(metadata)}};
    event.createdAt = std::chrono::system_clock::now();
    return event;
}

long long storedCount(EmbeddedBackend& backend)
{
    return backend.eventRepository()->count({}).value_or(-1);
}

} // namespace

// The one worker (written against the ports) on the embedded backend.
class EmbeddedWorkerTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void drainsTheQueueStoringEachEventOnce();
    void failingEventIsRetriedThenDeadLettered();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    std::shared_ptr<EmbeddedBackend> m_backend;
};

void EmbeddedWorkerTest::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    auto backend = EmbeddedBackend::open({m_folder->path().toStdString(), false}, std::make_shared<SystemClock>());
    QVERIFY2(backend, backend ? "" : backend.error().message.c_str());
    m_backend = *backend;
}

void EmbeddedWorkerTest::cleanup()
{
    m_backend.reset();
    m_folder.reset();
}

void EmbeddedWorkerTest::drainsTheQueueStoringEachEventOnce()
{
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 3000; ++i)
        events.push_back(eventFor("m-" + std::to_string(i)));
    auto producer = m_backend->eventQueue("producer");
    QVERIFY(producer->enqueue(events));
    // A redelivered copy of some of them (as after a worker died past its commit).
    QVERIFY(producer->enqueue({events.begin(), events.begin() + 100}));
    WorkerService worker(m_backend, WorkerSettings{});
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(worker.counters().persisted, 3100LL, 30000);
    worker.stop();
    QCOMPARE(storedCount(*m_backend), 3000LL);
    QCOMPARE(producer->read(10, 0ms)->size(), std::size_t(0));
}

void EmbeddedWorkerTest::failingEventIsRetriedThenDeadLettered()
{
    auto producer = m_backend->eventQueue("producer");
    const auto poison = eventFor("poison", {{"simulateFailure", true}});
    QVERIFY(producer->enqueue({poison, eventFor("fine")}));
    WorkerSettings settings;
    settings.simulationMode = true;
    settings.maxAttempts = 3;
    settings.retryBase = 20ms;
    WorkerService worker(m_backend, settings);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(worker.counters().deadLettered, 1LL, 20000);
    worker.stop();
    QCOMPARE(worker.counters().retried, 2LL);
    QCOMPARE(storedCount(*m_backend), 1LL);
    auto dead = m_backend->deadLetterQueue()->list({10});
    QVERIFY(dead);
    QCOMPARE(dead->total, 1LL);
    QCOMPARE(dead->items.front().id, poison.id);
    QCOMPARE(dead->items.front().attempts, 3);
}

QTEST_GUILESS_MAIN(EmbeddedWorkerTest)
#include "embedded_worker_test.moc"
