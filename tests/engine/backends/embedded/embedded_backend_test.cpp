#include "admission_writer.h"
#include "checkpointer.h"
#include "data_dir.h"
#include "embedded_dead_letter_queue.h"
#include "embedded_event_queue.h"
#include "embedded_event_repository.h"
#include "embedded_live_stats.h"
#include "embedded_schema.h"
#include "embedded_storing_acknowledger.h"
#include "sqlite_connection.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/core/uuid.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

using namespace mccig;
using namespace mccig::embedded;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand, for TTLs and idle times.
class ManualClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return m_now.load(); }
    void advance(std::chrono::milliseconds by) { m_now = m_now.load() + by; }

private:
    std::atomic<std::chrono::system_clock::time_point> m_now{std::chrono::system_clock::now()};
};

ConversationEvent eventFor(const std::string& tenant, const std::string& providerMessageId)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = tenant;
    event.providerMessageId = providerMessageId;
    event.channel = Channel::Sms;
    event.content = "hello";
    event.rawMetadata = {{"from", "+14155550123"}};
    event.createdAt = std::chrono::system_clock::now();
    return event;
}

AdmissionRequest requestFor(const std::string& tenant, const std::string& providerMessageId,
                            RateLimitPolicy policy = {1000, 1000})
{
    return AdmissionRequest{eventFor(tenant, providerMessageId), policy, 3600s};
}

std::int64_t scalar(SqliteConnection& connection, const std::string& sql)
{
    auto query = connection.prepare(sql);
    if (!query || !query->step().value_or(false))
        return -1;
    const auto value = query->integer(0);
    query->reset();
    return value;
}

} // namespace

class EmbeddedBackendTest final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void concurrentAdmissionsShareTransactions();
    void copiesInOneGroupGiveOneAcceptance();
    void acceptedMessageIsInTheQueueWhenAnswered();
    void throttledRequestLeavesNoRecord();
    void queuedRowHoldsTheKeyWithoutARecord();
    void expiredKeysAdmitAgainAndTheirRecordsAreSwept();
    void failedGroupAnswersEveryRequestWithTheError();
    void secondHolderOfTheDataDirIsRefusedNamingTheFirst();
    void dataDirLockIsReleasedWithItsHolder();
    void unwritableDataDirIsRefused();
    void newerSchemaIsRefused();
    void settleAfterAnotherConsumerClaimedDoesNothing();
    void storingAcknowledgesOnlyStoredMessagesItHolds();
    void storingThatFailsAcknowledgesNothing();
    void aTakeIsShortWhateverTheWorkerAsksFor();
    void sustainedWritesKeepTheLogBounded();
    void messagesTakenByADeadHolderWaitAgainWhenTheDataDirIsReopened();
    void deadLetterReplaysWithAttemptsReset();
    void liveFiguresCountWhatWasAdmitted();

private:
    SqliteConnection connect();
    Result<AdmissionDecision> admitNow(AdmissionWriter& writer, AdmissionRequest request);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::optional<DataDir> m_dataDir;
    ManualClock m_clock;
};

void EmbeddedBackendTest::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    auto dataDir = DataDir::acquire(m_folder->path().toStdString());
    QVERIFY2(dataDir, dataDir ? "" : dataDir.error().message.c_str());
    m_dataDir.emplace(std::move(*dataDir));
    auto connection = connect();
    auto migrated = migrateSchema(connection);
    QVERIFY2(migrated, migrated ? "" : migrated.error().message.c_str());
}

void EmbeddedBackendTest::cleanup()
{
    m_dataDir.reset();
    m_folder.reset();
}

SqliteConnection EmbeddedBackendTest::connect()
{
    auto connection = SqliteConnection::open(m_dataDir->databasePath(), Durability::Normal, true);
    if (!connection)
        qFatal("cannot open the test database: %s", connection.error().message.c_str());
    return std::move(*connection);
}

Result<AdmissionDecision> EmbeddedBackendTest::admitNow(AdmissionWriter& writer, AdmissionRequest request)
{
    std::promise<Result<AdmissionDecision>> answered;
    writer.admit(std::move(request), [&](Result<AdmissionDecision> decision) { answered.set_value(decision); });
    return answered.get_future().get();
}

void EmbeddedBackendTest::concurrentAdmissionsShareTransactions()
{
    AdmissionWriter writer(connect(), m_clock);
    constexpr int kThreads = 8;
    constexpr int kEach = 250;
    std::atomic<int> accepted{0};
    std::atomic<int> answered{0};
    std::vector<std::thread> senders;
    for (int t = 0; t < kThreads; ++t)
        senders.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i)
                writer.admit(requestFor("acme", "m-" + std::to_string(t) + "-" + std::to_string(i), {1e6, 1e6}),
                             [&](Result<AdmissionDecision> decision) {
                                 if (decision && decision->verdict == AdmissionVerdict::Accepted)
                                     ++accepted;
                                 ++answered;
                             });
        });
    for (auto& sender : senders)
        sender.join();
    QTRY_COMPARE_WITH_TIMEOUT(answered.load(), kThreads * kEach, 30000);
    QCOMPARE(accepted.load(), kThreads * kEach);
    const auto totals = writer.totals();
    QCOMPARE(totals.requests, std::size_t(kThreads * kEach));
    // Requests that arrive while a transaction commits wait for the next one together.
    QVERIFY2(totals.groups < totals.requests, qPrintable(QString("%1 groups").arg(totals.groups)));
    auto check = connect();
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue"), std::int64_t(kThreads * kEach));
    QCOMPARE(scalar(check, "SELECT total FROM tenant_totals WHERE tenant_id = 'acme' AND metric = 'accepted'"),
             std::int64_t(kThreads * kEach));
}

void EmbeddedBackendTest::copiesInOneGroupGiveOneAcceptance()
{
    AdmissionWriter writer(connect(), m_clock);
    // Hold the write lock so the writer's first group (a ping) waits, and the
    // copies queue up behind it to be taken as one group.
    auto blocker = connect();
    QVERIFY(blocker.exec("BEGIN IMMEDIATE"));
    std::promise<void> pinged;
    writer.ping([&](Result<void>) { pinged.set_value(); });
    QTest::qWait(50);
    std::vector<std::promise<Result<AdmissionDecision>>> answers(20);
    std::vector<std::future<Result<AdmissionDecision>>> futures;
    for (auto& answer : answers)
        futures.push_back(answer.get_future());
    for (std::size_t i = 0; i < answers.size(); ++i)
        writer.admit(requestFor("acme", "same"), [&, i](Result<AdmissionDecision> d) { answers[i].set_value(d); });
    QVERIFY(blocker.exec("COMMIT"));
    pinged.get_future().wait();
    int acceptedCount = 0;
    for (auto& future : futures) {
        const auto decision = future.get();
        QVERIFY(decision);
        acceptedCount += decision->verdict == AdmissionVerdict::Accepted ? 1 : 0;
    }
    QCOMPARE(acceptedCount, 1);
    QCOMPARE(writer.totals().groups, std::size_t(2));
    // The metric counts the group of twenty, not the ping's group.
    const auto sizes = writer.groupSizes();
    QCOMPARE(sizes.calls, 1LL);
    QCOMPARE(sizes.admissions, 20LL);
    QCOMPARE(sizes.buckets[5], 1LL); // 16 < 20 <= 32
    auto check = connect();
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue"), std::int64_t(1));
    QCOMPARE(scalar(check, "SELECT total FROM tenant_totals WHERE metric = 'duplicate'"), std::int64_t(19));
}

void EmbeddedBackendTest::acceptedMessageIsInTheQueueWhenAnswered()
{
    AdmissionWriter writer(connect(), m_clock);
    auto check = connect();
    std::atomic<std::int64_t> queuedWhenAnswered{-1};
    std::promise<void> answered;
    writer.admit(requestFor("acme", "durable"), [&](Result<AdmissionDecision>) {
        // Another connection sees the row as soon as the callback runs: it was committed first.
        queuedWhenAnswered = scalar(check, "SELECT count(*) FROM queue");
        answered.set_value();
    });
    answered.get_future().wait();
    QCOMPARE(queuedWhenAnswered.load(), std::int64_t(1));
}

void EmbeddedBackendTest::throttledRequestLeavesNoRecord()
{
    AdmissionWriter writer(connect(), m_clock);
    const RateLimitPolicy policy{2, 0.001};
    QCOMPARE(admitNow(writer, requestFor("acme", "a", policy))->verdict, AdmissionVerdict::Accepted);
    QCOMPARE(admitNow(writer, requestFor("acme", "b", policy))->verdict, AdmissionVerdict::Accepted);
    const auto throttled = admitNow(writer, requestFor("acme", "c", policy));
    QCOMPARE(throttled->verdict, AdmissionVerdict::RateLimited);
    QVERIFY(throttled->retryAfter > 0ms);
    auto check = connect();
    QCOMPARE(scalar(check, "SELECT count(*) FROM idempotency WHERE provider_message_id = 'c'"), std::int64_t(0));
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue"), std::int64_t(2));
}

void EmbeddedBackendTest::queuedRowHoldsTheKeyWithoutARecord()
{
    AdmissionWriter writer(connect(), m_clock);
    const auto request = requestFor("acme", "waiting");
    QCOMPARE(admitNow(writer, request)->verdict, AdmissionVerdict::Accepted);
    auto check = connect();
    // One random b-tree write fewer per message: the queue's key index is small and hot.
    QCOMPARE(scalar(check, "SELECT count(*) FROM idempotency"), std::int64_t(0));
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue WHERE tenant_id = 'acme' AND channel = 'sms' "
                           "AND provider_message_id = 'waiting' AND event_id = '" + request.event.id + "'"),
             std::int64_t(1));
}

void EmbeddedBackendTest::expiredKeysAdmitAgainAndTheirRecordsAreSwept()
{
    AdmissionWriter writer(connect(), m_clock);
    auto request = requestFor("acme", "short-lived");
    request.idempotencyTtl = 60s;
    QCOMPARE(admitNow(writer, request)->verdict, AdmissionVerdict::Accepted);
    QCOMPARE(admitNow(writer, requestFor("acme", "short-lived"))->verdict, AdmissionVerdict::Duplicate);
    m_clock.advance(61s);
    // The first copy still waits, past its window: the second one's window is recorded apart.
    auto again = requestFor("acme", "short-lived");
    again.idempotencyTtl = 60s;
    QCOMPARE(admitNow(writer, again)->verdict, AdmissionVerdict::Accepted);
    auto check = connect();
    QCOMPARE(scalar(check, "SELECT count(*) FROM idempotency WHERE event_id = '" + again.event.id + "'"),
             std::int64_t(1));
    m_clock.advance(61s);
    // The writer sweeps about once a second, between groups.
    QTRY_COMPARE_WITH_TIMEOUT(scalar(check, "SELECT count(*) FROM idempotency"), std::int64_t(0), 5000);
    QCOMPARE(admitNow(writer, requestFor("acme", "short-lived"))->verdict, AdmissionVerdict::Accepted);
}

void EmbeddedBackendTest::failedGroupAnswersEveryRequestWithTheError()
{
    auto blocker = connect();
    QVERIFY(blocker.exec("BEGIN EXCLUSIVE"));
    AdmissionWriter writer(connect(), m_clock);
    // The other connection holds the write lock past the busy timeout: an outage, not a verdict.
    const auto decision = admitNow(writer, requestFor("acme", "blocked"));
    QVERIFY(!decision);
    QVERIFY(isOutage(decision.error()));
    QVERIFY(blocker.exec("ROLLBACK"));
    QCOMPARE(admitNow(writer, requestFor("acme", "blocked"))->verdict, AdmissionVerdict::Accepted);
}

void EmbeddedBackendTest::secondHolderOfTheDataDirIsRefusedNamingTheFirst()
{
    const auto second = DataDir::acquire(m_folder->path().toStdString());
    QVERIFY(!second);
    QVERIFY2(second.error().message.find("in use by process " + std::to_string(QCoreApplication::applicationPid()))
                 != std::string::npos,
             second.error().message.c_str());
}

void EmbeddedBackendTest::dataDirLockIsReleasedWithItsHolder()
{
    m_dataDir.reset();
    auto again = DataDir::acquire(m_folder->path().toStdString());
    QVERIFY2(again, again ? "" : again.error().message.c_str());
    m_dataDir.emplace(std::move(*again));
}

void EmbeddedBackendTest::unwritableDataDirIsRefused()
{
    const auto file = m_folder->filePath("plain-file").toStdString();
    QFile(QString::fromStdString(file)).open(QIODevice::WriteOnly);
    const auto refused = DataDir::acquire(file);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Rejected);
}

void EmbeddedBackendTest::newerSchemaIsRefused()
{
    auto connection = connect();
    QVERIFY(connection.exec("PRAGMA user_version = 999"));
    const auto migrated = migrateSchema(connection);
    QVERIFY(!migrated);
    QVERIFY(migrated.error().message.find("newer") != std::string::npos);
}

void EmbeddedBackendTest::settleAfterAnotherConsumerClaimedDoesNothing()
{
    EmbeddedEventQueue first(connect(), "first", m_clock);
    EmbeddedEventQueue second(connect(), "second", m_clock);
    QVERIFY(first.enqueue({eventFor("acme", "held")}));
    auto held = first.read(10, 0ms);
    QCOMPARE(held->size(), std::size_t(1));
    m_clock.advance(30s);
    auto claimed = second.claimAbandoned(10s, 10);
    QCOMPARE(claimed->size(), std::size_t(1));
    QCOMPARE(first.scheduleRetry(held->front(), 1s).value_or(true), false);
    QCOMPARE(first.deadLetter(held->front(), "late").value_or(true), false);
    QCOMPARE(second.acknowledge({claimed->front().entryId}).value_or(0), std::size_t(1));
    auto check = connect();
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue"), std::int64_t(0));
    QCOMPARE(scalar(check, "SELECT count(*) FROM dead_letters"), std::int64_t(0));
}

void EmbeddedBackendTest::storingAcknowledgesOnlyStoredMessagesItHolds()
{
    EmbeddedEventQueue first(connect(), "first", m_clock);
    EmbeddedEventQueue second(connect(), "second", m_clock);
    QVERIFY(first.enqueue({eventFor("acme", "kept"), eventFor("acme", "claimed")}));
    auto check = connect();
    QVERIFY(check.exec("INSERT INTO queue (event) VALUES ('not an event')"));
    auto held = first.read(10, 0ms);
    QCOMPARE(held->size(), std::size_t(3));
    // "claimed" moves to a second consumer: the first may store it, not settle it.
    QVERIFY(check.exec("UPDATE queue SET owner = 'second' WHERE seq = " + held->at(1).entryId));

    EmbeddedStoringAcknowledger storing(connect(), "first", m_clock);
    const auto settled = storing.storeAndAcknowledge(*held);
    QVERIFY2(settled, settled ? "" : settled.error().message.c_str());
    QCOMPARE(settled->stored.stored, std::size_t(2));
    QCOMPARE(settled->stored.unreadable, std::vector<std::size_t>{2});
    QCOMPARE(settled->acknowledged, std::size_t(1));
    QCOMPARE(scalar(check, "SELECT count(*) FROM conversation_events"), std::int64_t(2));
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue WHERE owner = 'second'"), std::int64_t(1));
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue WHERE event = 'not an event'"), std::int64_t(1));
    QCOMPARE(scalar(check, "SELECT sum(total) FROM stats WHERE metric = 'persisted'"), std::int64_t(1));

    // Stored again (a redelivery): no new row, and nothing left to settle.
    const auto again = storing.storeAndAcknowledge(std::span(*held).first(1));
    QCOMPARE(again->stored.stored, std::size_t(0));
    QCOMPARE(again->acknowledged, std::size_t(0));
}

void EmbeddedBackendTest::storingThatFailsAcknowledgesNothing()
{
    EmbeddedEventQueue queue(connect(), "worker", m_clock);
    QVERIFY(queue.enqueue({eventFor("acme", "fine"), eventFor("acme", "refused")}));
    auto check = connect();
    QVERIFY(check.exec("CREATE TRIGGER refuse BEFORE INSERT ON conversation_events "
                       "WHEN NEW.provider_message_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
    auto held = queue.read(10, 0ms);
    QCOMPARE(held->size(), std::size_t(2));

    EmbeddedStoringAcknowledger storing(connect(), "worker", m_clock);
    const auto settled = storing.storeAndAcknowledge(*held);
    QVERIFY(!settled);
    QCOMPARE(settled.error().kind, ErrorKind::Rejected);
    // All or nothing: the first row is not stored and both entries stay held.
    QCOMPARE(scalar(check, "SELECT count(*) FROM conversation_events"), std::int64_t(0));
    QCOMPARE(scalar(check, "SELECT count(*) FROM queue WHERE owner = 'worker'"), std::int64_t(2));
}

// The worker stores a take in one transaction that admissions wait behind.
void EmbeddedBackendTest::aTakeIsShortWhateverTheWorkerAsksFor()
{
    EmbeddedEventQueue queue(connect(), "worker", m_clock);
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 600; ++i)
        events.push_back(eventFor("acme", "m" + std::to_string(i)));
    QVERIFY(queue.enqueue(events));
    QCOMPARE(queue.read(5000, 0ms)->size(), std::size_t(500));
    QCOMPARE(queue.read(5000, 0ms)->size(), std::size_t(100));
}

void EmbeddedBackendTest::sustainedWritesKeepTheLogBounded()
{
    // Writers that never pause leave a passive checkpoint no moment at which
    // the whole log is copied: without a restart the log grew for as long as
    // they wrote (gigabytes a minute under sustained ingest).
    const auto turns = std::make_shared<WriteTurns>();
    const std::string path = m_dataDir->databasePath();
    auto writers = SqliteConnection::openShared(path, Durability::Normal, turns);
    QVERIFY(writers);
    const Checkpointer checkpointer(SqliteConnection(path, Durability::Normal, turns), path, 256);
    auto insert = writers->inTurn([&] { return writers->prepare("INSERT INTO queue (event) VALUES (?1)"); });
    QVERIFY(insert);
    const std::string event(2000, 'x');
    std::uintmax_t written = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    while (std::chrono::steady_clock::now() < until) {
        const auto committed = writers->transaction<void>([&]() -> Result<void> {
            for (int row = 0; row < 20; ++row)
                if (auto done = insert->bind(1, event).run(); !done)
                    return done;
            return {};
        });
        QVERIFY(committed);
        written += 20 * event.size();
        std::this_thread::sleep_for(std::chrono::milliseconds(1)); // the pace of busy ingest, not of a disk benchmark
    }
    const auto logBytes = std::filesystem::file_size(path + "-wal");
    QVERIFY2(logBytes < written / 2, qPrintable(QString("log %1 bytes after writing %2").arg(logBytes).arg(written)));
}

void EmbeddedBackendTest::messagesTakenByADeadHolderWaitAgainWhenTheDataDirIsReopened()
{
    QTemporaryDir folder; // the fixture's own data dir is locked by the fixture
    EmbeddedSettings settings;
    settings.dataDir = folder.path().toStdString();
    auto holder = EmbeddedBackend::open(settings, std::make_shared<SystemClock>()).value();
    const auto event = eventFor("acme", "held");
    {
        auto queue = holder->eventQueue("died-holding-it");
        QVERIFY(queue->enqueue({event}));
        QCOMPARE(queue->read(10, 0ms)->size(), std::size_t(1));
    }
    // A tool beside the holder releases nothing: the holder may still settle it.
    EmbeddedSettings beside = settings;
    beside.exclusive = false;
    auto tool = EmbeddedBackend::open(beside, std::make_shared<SystemClock>()).value();
    QCOMPARE(tool->eventQueue("tool")->read(10, 0ms)->size(), std::size_t(0));
    tool.reset();
    holder.reset(); // as after a kill -9: the row still names its owner, the lock is gone

    auto restarted = EmbeddedBackend::open(settings, std::make_shared<SystemClock>()).value();
    const auto again = restarted->eventQueue("restarted")->read(10, 0ms);
    QCOMPARE(again->size(), std::size_t(1));
    QCOMPARE(again->front().event()->id, event.id);
}

void EmbeddedBackendTest::deadLetterReplaysWithAttemptsReset()
{
    EmbeddedEventQueue queue(connect(), "worker", m_clock);
    EmbeddedDeadLetterQueue deadLetters(connect());
    const auto event = eventFor("acme", "poison");
    QVERIFY(queue.enqueue({event}));
    auto taken = queue.read(1, 0ms);
    auto message = taken->front();
    message.attempts = 5;
    QCOMPARE(queue.deadLetter(message, "boom").value_or(false), true);
    auto page = deadLetters.list({10});
    QCOMPARE(page->total, 1LL);
    QCOMPARE(page->items.front().id, event.id);
    QCOMPARE(page->items.front().attempts, 5);
    QCOMPARE(deadLetters.replay(event.id).value_or(false), true);
    auto again = queue.read(1, 0ms);
    QCOMPARE(again->size(), std::size_t(1));
    QCOMPARE(again->front().attempts, 0);
    QCOMPARE(again->front().event()->id, event.id);
    QCOMPARE(deadLetters.list({10})->total, 0LL);
}

void EmbeddedBackendTest::liveFiguresCountWhatWasAdmitted()
{
    AdmissionWriter writer(connect(), m_clock);
    const RateLimitPolicy policy{2, 0.001};
    QCOMPARE(admitNow(writer, requestFor("acme", "a", policy))->verdict, AdmissionVerdict::Accepted);
    QCOMPARE(admitNow(writer, requestFor("acme", "a", policy))->verdict, AdmissionVerdict::Duplicate);
    QCOMPARE(admitNow(writer, requestFor("acme", "b", policy))->verdict, AdmissionVerdict::RateLimited);
    EmbeddedLiveStats stats(connect(), m_clock);
    const auto tenants = stats.tenants({"quiet"}, [&](const std::string&) { return policy; });
    QVERIFY(tenants);
    QCOMPARE(tenants->size(), std::size_t(2));
    QCOMPARE(tenants->at(0).tenantId, std::string("acme"));
    QCOMPARE(tenants->at(0).accepted, 1LL);
    QCOMPARE(tenants->at(0).duplicates, 1LL);
    QCOMPARE(tenants->at(0).rateLimited, 1LL);
    QVERIFY(tenants->at(0).tokens < 1);
    QCOMPARE(tenants->at(1).tenantId, std::string("quiet"));
    QCOMPARE(tenants->at(1).tokens, 2.0);
    const auto series = stats.series(5);
    QVERIFY(series);
    QCOMPARE(series->size(), std::size_t(5));
    long long accepted = 0;
    long long rateLimited = 0;
    for (const auto& point : *series) {
        accepted += point.accepted;
        rateLimited += point.rateLimited;
    }
    QCOMPARE(accepted, 1LL);
    QCOMPARE(rateLimited, 1LL);
    const auto depth = stats.depth();
    QVERIFY(depth);
    QCOMPARE(depth->queued(), 1LL);
    QCOMPARE(depth->deadLetters, 0LL);
}

QTEST_GUILESS_MAIN(EmbeddedBackendTest)
#include "embedded_backend_test.moc"
