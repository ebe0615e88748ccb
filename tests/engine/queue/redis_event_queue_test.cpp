#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/core/time_format.h"
#include "mccig/core/uuid.h"
#include "mccig/queue/queue_depth.h"
#include "mccig/queue/redis_dead_letter_queue.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/event_stream.h"
#include "numbered_id.h"
#include "test_services.h"

#include <QtTest>

#include <thread>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr auto kTimeout = 2000ms;

ConversationEvent sampleEvent(const std::string& tenant, const std::string& providerMessageId)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = tenant;
    event.providerMessageId = providerMessageId;
    event.channel = Channel::Chat;
    event.content = "hi";
    event.rawMetadata = {{"conversationId", "c-1"}, {"attachments", nlohmann::json::array()},
                         {"metadata", {{"big", 12345678901234567LL}, {"none", nlohmann::json::object()}}}};
    event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    return event;
}

// A failed attempt as the worker records it.
QueuedMessage failedOnce(QueuedMessage message, const std::string& error)
{
    message.addFailure({{"at", "2026-11-26T10:00:00.000000Z"}, {"error", error}});
    return message;
}

} // namespace

class RedisEventQueueTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void readReturnsEnqueuedEventsUnchanged();
    void acknowledgeRemovesEntriesAndCountsPersisted();
    void acknowledgeTakesMoreIdsThanLuaCanUnpack();
    void settledEntriesStayUntilNoOlderIsPending();
    void retryWaitsThenReturnsWithHistory();
    void settlingTwiceSettlesOnce();
    void acknowledgedEntryIsNotSettledAgain();
    void deadLetterKeepsHistoryAndListsNewestFirst();
    void replayPutsEntryBackWithAttemptsReset();
    void replayAllFiltersByTenant();
    void removeDeletesEntry();
    void abandonedEntriesAreClaimedAfterIdleTime();
    void vanishedGroupIsRecreated();
    void depthCountsStreamRetryAndDeadLetters();
    void depthOfMissingStreamIsZero();
    void depthIgnoresLagOnceEverythingIsDelivered();
    void depthNeverExceedsWhatTheStreamHolds();
    void acknowledgeCountsWhatItSettledNotWhatItWasGiven();
    void oldestAgeIsTheFirstUnsettledEntrysAge();
    void statsSeriesAndTenantsReadLiveCounters();
    void unreachableRedisIsAnOutage();

private:
    RedisEventQueue makeQueue(const std::string& consumer) { return RedisEventQueue(m_endpoint, kTimeout, consumer); }
    // The live figures as the admin API reads them (no PostgreSQL needed for them).
    std::unique_ptr<LiveStats> liveStats()
    {
        if (!m_backend)
            m_backend = std::make_unique<RedisPostgresBackend>(RedisPostgresSettings{m_endpoint, {}, kTimeout});
        return m_backend->liveStats();
    }

    RedisEndpoint m_endpoint;
    std::unique_ptr<RedisSyncConnection> m_redis;
    std::unique_ptr<RedisPostgresBackend> m_backend;
};

void RedisEventQueueTest::initTestCase()
{
    m_endpoint = parseRedisUrl(test::redisUrlForDatabase(4).toStdString()).value();
    m_redis = std::make_unique<RedisSyncConnection>(m_endpoint, kTimeout);
}

void RedisEventQueueTest::init()
{
    QVERIFY(m_redis->command({"FLUSHDB"}).has_value());
    QVERIFY(ensureEventStream(*m_redis).has_value());
}

void RedisEventQueueTest::readReturnsEnqueuedEventsUnchanged()
{
    auto queue = makeQueue("c1");
    const auto event = sampleEvent("acme", "m1");
    auto ids = queue.enqueue({event});
    QVERIFY(ids.has_value());
    QCOMPARE(ids->size(), std::size_t(1));
    auto batch = queue.read(10, 100ms);
    QVERIFY(batch.has_value());
    QCOMPARE(batch->size(), std::size_t(1));
    const auto& message = batch->front();
    QCOMPARE(message.entryId, ids->front());
    QVERIFY(message.event().has_value());
    QCOMPARE(toJson(*message.event()).dump(), toJson(event).dump());
    QCOMPARE(message.attempts, 0);
    QCOMPARE(message.failures(), nlohmann::json::array());
    // Nothing new for this group: the read times out empty.
    QCOMPARE(queue.read(10, 50ms)->size(), std::size_t(0));
}

void RedisEventQueueTest::acknowledgeRemovesEntriesAndCountsPersisted()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "a"), sampleEvent("acme", "b")}).has_value());
    auto batch = queue.read(10, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(2));
    QVERIFY(queue.acknowledge({batch[0].entryId, batch[1].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 0LL);
    QCOMPARE(m_redis->command({"XPENDING", "mccig:events", "workers"})->elements[0].integer, 0LL);
    long long persisted = 0;
    const auto series = liveStats()->series(5).value();
    for (const auto& point : series)
        persisted += point.persisted;
    QCOMPARE(persisted, 2LL);
}

void RedisEventQueueTest::acknowledgeTakesMoreIdsThanLuaCanUnpack()
{
    auto queue = makeQueue("c1");
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 9000; ++i)
        events.push_back(sampleEvent("acme", "bulk-" + std::to_string(i)));
    QVERIFY(queue.enqueue(events).has_value());
    const auto batch = queue.read(9000, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(9000));
    std::vector<std::string> ids;
    for (const auto& message : batch)
        ids.push_back(message.entryId);
    QVERIFY(queue.acknowledge(ids).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 0LL);
    QCOMPARE(m_redis->command({"XPENDING", "mccig:events", "workers"})->elements[0].integer, 0LL);
}

// Settled entries are trimmed from the front of the stream, so one still
// pending keeps every newer entry in it; the depth counts only the unsettled.
void RedisEventQueueTest::settledEntriesStayUntilNoOlderIsPending()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "old"), sampleEvent("acme", "b"), sampleEvent("acme", "c"),
                           sampleEvent("acme", "new")})
                .has_value());
    const auto batch = queue.read(3, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(3));
    QVERIFY(queue.acknowledge({batch[1].entryId, batch[2].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 4LL);
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 2LL); // "old" pending, "new" not delivered
    QVERIFY(queue.acknowledge({batch[0].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 1LL);
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 1LL);
    const auto last = queue.read(10, 100ms).value();
    QCOMPARE(last.size(), std::size_t(1));
    QCOMPARE(last[0].event()->providerMessageId, std::string("new"));
    QVERIFY(queue.acknowledge({last[0].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 0LL);
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 0LL);
}

void RedisEventQueueTest::retryWaitsThenReturnsWithHistory()
{
    auto queue = makeQueue("c1");
    const auto event = sampleEvent("acme", "r");
    QVERIFY(queue.enqueue({event}).has_value());
    auto message = queue.read(10, 100ms).value().front();
    QVERIFY(queue.scheduleRetry(failedOnce(message, "boom"), 300ms).value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 0LL);
    QCOMPARE(m_redis->command({"ZCARD", "mccig:retry"})->integer, 1LL);

    auto early = queue.releaseDueRetries(100).value();
    QCOMPARE(early.released, std::size_t(0));
    QVERIFY(early.nextDueIn.has_value());
    QVERIFY(*early.nextDueIn <= 300ms);
    std::this_thread::sleep_for(*early.nextDueIn + 20ms);
    auto due = queue.releaseDueRetries(100).value();
    QCOMPARE(due.released, std::size_t(1));
    QVERIFY(!due.nextDueIn.has_value());

    auto again = queue.read(10, 100ms).value();
    QCOMPARE(again.size(), std::size_t(1));
    QCOMPARE(again[0].attempts, 1);
    QCOMPARE(again[0].failures().size(), std::size_t(1));
    QCOMPARE(again[0].failures()[0]["error"], "boom");
    // The event text survives the retry set byte for byte (empty arrays, big numbers).
    QCOMPARE(again[0].eventText, toJson(event).dump());
}

void RedisEventQueueTest::settlingTwiceSettlesOnce()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "twice")}).has_value());
    auto message = queue.read(10, 100ms).value().front();
    QCOMPARE(queue.scheduleRetry(failedOnce(message, "x"), 10s).value(), true);
    QCOMPARE(queue.scheduleRetry(failedOnce(message, "x"), 10s).value(), false);
    QCOMPARE(queue.deadLetter(failedOnce(message, "x"), "x").value(), false);
    QCOMPARE(m_redis->command({"ZCARD", "mccig:retry"})->integer, 1LL);
    QCOMPARE(m_redis->command({"HLEN", "mccig:dlq"})->integer, 0LL);
}

// A worker that took over an entry stored and acknowledged it; the entry is
// still in the stream (an older one is pending), and the first holder's late
// failure must not retry or dead-letter it.
void RedisEventQueueTest::acknowledgedEntryIsNotSettledAgain()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "older"), sampleEvent("acme", "taken")}).has_value());
    const auto batch = queue.read(10, 100ms).value();
    QVERIFY(queue.acknowledge({batch[1].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 2LL);
    QCOMPARE(queue.scheduleRetry(failedOnce(batch[1], "late"), 10s).value(), false);
    QCOMPARE(queue.deadLetter(failedOnce(batch[1], "late"), "late").value(), false);
    QCOMPARE(m_redis->command({"ZCARD", "mccig:retry"})->integer, 0LL);
    QCOMPARE(m_redis->command({"HLEN", "mccig:dlq"})->integer, 0LL);
}

void RedisEventQueueTest::deadLetterKeepsHistoryAndListsNewestFirst()
{
    auto queue = makeQueue("c1");
    const auto first = sampleEvent("acme", "d1");
    const auto second = sampleEvent("acme", "d2");
    QVERIFY(queue.enqueue({first, second}).has_value());
    auto batch = queue.read(10, 100ms).value();
    QVERIFY(queue.deadLetter(failedOnce(batch[0], "first error"), "first error").value());
    std::this_thread::sleep_for(5ms); // distinct failure times order the list
    QVERIFY(queue.deadLetter(failedOnce(failedOnce(batch[1], "a"), "b"), "b").value());

    RedisDeadLetterQueue dlq(m_endpoint, kTimeout);
    auto page = dlq.list({50}).value();
    QCOMPARE(page.total, 2LL);
    QCOMPARE(page.items.size(), std::size_t(2));
    QCOMPARE(page.items[0].id, second.id);
    QCOMPARE(page.items[0].attempts, 2);
    QCOMPARE(page.items[0].lastError, std::string("b"));
    QCOMPARE(page.items[0].failures.size(), std::size_t(2));
    QCOMPARE(page.items[0].event, toJson(second));
    QVERIFY(parseRfc3339(page.items[0].failedAt).has_value());
    QCOMPARE(page.items[1].id, first.id);
    auto limited = dlq.list({1}).value();
    QCOMPARE(limited.items.size(), std::size_t(1));
    QCOMPARE(limited.total, 2LL);
}

void RedisEventQueueTest::replayPutsEntryBackWithAttemptsReset()
{
    auto queue = makeQueue("c1");
    const auto event = sampleEvent("acme", "replay");
    QVERIFY(queue.enqueue({event}).has_value());
    auto message = queue.read(10, 100ms).value().front();
    QVERIFY(queue.deadLetter(failedOnce(failedOnce(message, "e"), "e"), "e").value());

    RedisDeadLetterQueue dlq(m_endpoint, kTimeout);
    QCOMPARE(dlq.replay(event.id).value(), true);
    QCOMPARE(dlq.replay(event.id).value(), false);
    QCOMPARE(dlq.list({10})->total, 0LL);
    QCOMPARE(m_redis->command({"ZCARD", "mccig:dlq:order"})->integer, 0LL);
    auto back = queue.read(10, 100ms).value();
    QCOMPARE(back.size(), std::size_t(1));
    QCOMPARE(back[0].attempts, 0);
    QCOMPARE(back[0].failures(), nlohmann::json::array());
    QCOMPARE(toJson(back[0].event().value()).dump(), toJson(event).dump());
    QCOMPARE(dlq.replay("no-such-id").value(), false);
}

void RedisEventQueueTest::replayAllFiltersByTenant()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "1"), sampleEvent("acme", "2"), sampleEvent("globex", "3")}).has_value());
    const auto batch = queue.read(10, 100ms).value();
    for (const auto& message : batch)
        QVERIFY(queue.deadLetter(failedOnce(message, "e"), "e").value());
    RedisDeadLetterQueue dlq(m_endpoint, kTimeout);
    QCOMPARE(dlq.replayAll(std::string("acme")).value(), 2LL);
    QCOMPARE(dlq.list({10})->total, 1LL);
    QCOMPARE(dlq.list({10})->items[0].event["tenantId"], "globex");
    QCOMPARE(dlq.replayAll(std::string("nobody")).value(), 0LL);
    QCOMPARE(dlq.replayAll(std::nullopt).value(), 1LL);
    QCOMPARE(dlq.list({10})->total, 0LL);
    QCOMPARE(queue.read(10, 100ms)->size(), std::size_t(3));
}

void RedisEventQueueTest::removeDeletesEntry()
{
    auto queue = makeQueue("c1");
    const auto event = sampleEvent("acme", "rm");
    QVERIFY(queue.enqueue({event}).has_value());
    QVERIFY(queue.deadLetter(failedOnce(queue.read(10, 100ms).value().front(), "e"), "e").value());
    RedisDeadLetterQueue dlq(m_endpoint, kTimeout);
    QCOMPARE(dlq.remove(event.id).value(), true);
    QCOMPARE(dlq.remove(event.id).value(), false);
    QCOMPARE(dlq.list({10})->total, 0LL);
    QCOMPARE(m_redis->command({"ZCARD", "mccig:dlq:order"})->integer, 0LL);
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 0LL);
}

void RedisEventQueueTest::abandonedEntriesAreClaimedAfterIdleTime()
{
    auto dead = makeQueue("dead-consumer");
    auto live = makeQueue("live-consumer");
    QVERIFY(dead.enqueue({sampleEvent("acme", "x"), sampleEvent("acme", "y")}).has_value());
    QCOMPARE(dead.read(10, 100ms)->size(), std::size_t(2));
    // Not idle long enough yet.
    QCOMPARE(live.claimAbandoned(10s, 100)->size(), std::size_t(0));
    std::this_thread::sleep_for(150ms);
    auto claimed = live.claimAbandoned(100ms, 100).value();
    QCOMPARE(claimed.size(), std::size_t(2));
    QCOMPARE(claimed[0].event()->providerMessageId, std::string("x"));
    auto owners = m_redis->command({"XPENDING", "mccig:events", "workers", "-", "+", "10"}).value();
    QCOMPARE(owners.elements.size(), std::size_t(2));
    for (const auto& entry : owners.elements)
        QCOMPARE(entry.elements[1].text, std::string("live-consumer"));
}

void RedisEventQueueTest::vanishedGroupIsRecreated()
{
    auto queue = makeQueue("c1");
    QVERIFY(m_redis->command({"DEL", "mccig:events"}).has_value());
    auto empty = queue.read(10, 10ms);
    QVERIFY2(empty.has_value(), empty ? "" : empty.error().message.c_str());
    QVERIFY(queue.enqueue({sampleEvent("acme", "after")}).has_value());
    const auto delivered = queue.read(10, 100ms).value();
    QCOMPARE(delivered.size(), std::size_t(1));
    QVERIFY(m_redis->command({"XGROUP", "DESTROY", "mccig:events", "workers"}).has_value());
    // No group to acknowledge in: the entry stays for the recreated one.
    QVERIFY(queue.acknowledge({delivered[0].entryId}).has_value());
    QCOMPARE(m_redis->command({"XLEN", "mccig:events"})->integer, 1LL);
    QVERIFY(queue.claimAbandoned(1ms, 10).has_value());
    // The recreated group starts at 0: the unacknowledged entry is delivered again.
    QCOMPARE(queue.read(10, 100ms)->size(), std::size_t(1));
}

void RedisEventQueueTest::depthCountsStreamRetryAndDeadLetters()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "1"), sampleEvent("acme", "2"), sampleEvent("acme", "3")}).has_value());
    auto batch = queue.read(2, 100ms).value();
    QVERIFY(queue.scheduleRetry(failedOnce(batch[0], "e"), 60s).value());
    QVERIFY(queue.deadLetter(failedOnce(batch[1], "e"), "e").value());
    auto depth = readQueueDepth(*m_redis).value();
    QCOMPARE(depth.streamed, 1LL);
    QCOMPARE(depth.retrying, 1LL);
    QCOMPARE(depth.deadLetters, 1LL);
    QCOMPARE(depth.queued(), 2LL);
}

void RedisEventQueueTest::depthOfMissingStreamIsZero()
{
    QVERIFY(m_redis->command({"DEL", "mccig:events"}).has_value());
    auto depth = readQueueDepth(*m_redis);
    QVERIFY2(depth.has_value(), depth ? "" : depth.error().message.c_str());
    QCOMPARE(depth->queued(), 0LL);
}

// XINFO GROUPS' lag is entries-added minus the group's entries-read, and
// entries-read can be wrong (seen after an AOF reload under load). Corrupting
// it with XGROUP SETID ... ENTRIESREAD must not move the depth.
void RedisEventQueueTest::depthIgnoresLagOnceEverythingIsDelivered()
{
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "1"), sampleEvent("acme", "2"), sampleEvent("acme", "3")}).has_value());
    const auto batch = queue.read(10, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(3));
    QVERIFY(queue.acknowledge({batch[0].entryId}).has_value());
    QVERIFY(m_redis->command({"XGROUP", "SETID", "mccig:events", "workers", "$", "ENTRIESREAD", "0"}).has_value());
    const auto groups = m_redis->command({"XINFO", "GROUPS", "mccig:events"}).value();
    const auto& fields = groups.elements.at(0).elements;
    const auto lag = std::find_if(fields.begin(), fields.end(), [](const RedisReply& f) { return f.text == "lag"; });
    QVERIFY(lag != fields.end());
    QCOMPARE((lag + 1)->integer, 3LL); // Redis now claims all three are undelivered
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 2LL); // the two still pending, nothing undelivered

    QVERIFY(queue.acknowledge({batch[1].entryId, batch[2].entryId}).has_value());
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 0LL);
}

// A wrong lag in the middle of the stream is capped by what the stream holds
// besides the pending entries.
void RedisEventQueueTest::depthNeverExceedsWhatTheStreamHolds()
{
    auto queue = makeQueue("c1");
    std::vector<ConversationEvent> events;
    for (int i = 0; i < 10; ++i)
        events.push_back(sampleEvent("acme", test::numberedId("m", i)));
    QVERIFY(queue.enqueue(events).has_value());
    const auto batch = queue.read(4, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(4));
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 10LL); // 4 pending + 6 undelivered
    QVERIFY(m_redis->command({"XGROUP", "SETID", "mccig:events", "workers", batch[3].entryId, "ENTRIESREAD", "0"})
                .has_value());
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 10LL); // not 4 + a lag of 10
    QVERIFY(queue.acknowledge({batch[0].entryId, batch[1].entryId, batch[2].entryId, batch[3].entryId}).has_value());
    QCOMPARE(readQueueDepth(*m_redis)->streamed, 6LL);
}

void RedisEventQueueTest::acknowledgeCountsWhatItSettledNotWhatItWasGiven()
{
    auto queue = makeQueue("c1");
    auto other = makeQueue("c2");
    QVERIFY(queue.enqueue({sampleEvent("acme", "a"), sampleEvent("acme", "b"), sampleEvent("acme", "c")}).has_value());
    const auto batch = queue.read(10, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(3));
    // Another worker settled "a" first (it claimed it, say); "b" is given twice.
    QCOMPARE(other.acknowledge({batch[0].entryId}).value(), std::size_t(1));
    QCOMPARE(queue.acknowledge({batch[0].entryId, batch[1].entryId, batch[1].entryId, batch[2].entryId}).value(),
             std::size_t(2));
    QCOMPARE(queue.acknowledge({batch[2].entryId}).value(), std::size_t(0));
    QCOMPARE(queue.acknowledge({}).value(), std::size_t(0));
    const auto series = liveStats()->series(5).value();
    long long persisted = 0;
    for (const auto& point : series)
        persisted += point.persisted;
    QCOMPARE(persisted, 3LL);
}

void RedisEventQueueTest::oldestAgeIsTheFirstUnsettledEntrysAge()
{
    QCOMPARE(readQueueDepth(*m_redis)->oldestAge.count(), 0LL);
    // An entry whose id says it was added 90 s ago (ids are Redis's clock in ms).
    const auto time = m_redis->command({"TIME"}).value();
    const long long nowMs = std::stoll(time.elements[0].text) * 1000 + std::stoll(time.elements[1].text) / 1000;
    const std::string oldId = std::to_string(nowMs - 90000) + "-0";
    QVERIFY(m_redis->command({"XADD", "mccig:events", oldId, "event", toJsonText(sampleEvent("acme", "old"))})
                .has_value());
    auto queue = makeQueue("c1");
    QVERIFY(queue.enqueue({sampleEvent("acme", "new")}).has_value());
    auto age = readQueueDepth(*m_redis)->oldestAge;
    QVERIFY2(age >= 90s && age < 100s, std::to_string(age.count()).c_str());
    // Taken by a worker, it still waits unsettled.
    const auto batch = queue.read(1, 100ms).value();
    QCOMPARE(batch.size(), std::size_t(1));
    QVERIFY(readQueueDepth(*m_redis)->oldestAge >= 90s);
    QVERIFY(queue.acknowledge({batch[0].entryId}).has_value());
    age = readQueueDepth(*m_redis)->oldestAge;
    QVERIFY2(age < 10s, std::to_string(age.count()).c_str());
    const auto last = queue.read(1, 100ms).value();
    QVERIFY(queue.acknowledge({last[0].entryId}).has_value());
    QCOMPARE(readQueueDepth(*m_redis)->oldestAge.count(), 0LL);
}

void RedisEventQueueTest::statsSeriesAndTenantsReadLiveCounters()
{
    auto time = m_redis->command({"TIME"}).value();
    const long long now = std::stoll(time.elements[0].text);
    const long long nowMicros = now * 1000000 + std::stoll(time.elements[1].text);
    QVERIFY(m_redis->command({"HSET", "mccig:stats:" + std::to_string(now - 2), "accepted", "7", "invalid", "1"}).has_value());
    QVERIFY(m_redis->command({"SADD", "mccig:tenants", "seen"}).has_value());
    QVERIFY(m_redis->command({"HSET", "mccig:tenant:seen", "accepted", "5", "duplicate", "2", "rateLimited", "3"}).has_value());
    // 4 tokens two seconds ago, refilling 1/s: 6 now (capacity 10).
    QVERIFY(m_redis->command({"HSET", "mccig:bucket:seen", "tokens", "4", "updatedUs", std::to_string(nowMicros - 2000000),
                              "capacity", "10", "refillPerSecond", "1"}).has_value());

    auto stats = liveStats();
    auto series = stats->series(5).value();
    QCOMPARE(series.size(), std::size_t(5));
    QVERIFY(series.back().t >= now);
    const auto& point = series[static_cast<std::size_t>(4 - (series.back().t - (now - 2)))];
    QCOMPARE(point.t, now - 2);
    QCOMPARE(point.accepted, 7LL);
    QCOMPARE(point.invalid, 1LL);
    QCOMPARE(stats->series(0).error().kind, ErrorKind::Rejected);
    QCOMPARE(stats->series(3601).error().kind, ErrorKind::Rejected);
    QCOMPARE(stats->series(3600)->size(), std::size_t(3600));

    auto tenants = stats->tenants({"configured"}, [](const std::string&) { return RateLimitPolicy{10, 1}; }).value();
    QCOMPARE(tenants.size(), std::size_t(2));
    QCOMPARE(tenants[0].tenantId, std::string("configured"));
    QCOMPARE(tenants[0].tokens, 10.0);
    QCOMPARE(tenants[0].accepted, 0LL);
    QCOMPARE(tenants[1].tenantId, std::string("seen"));
    QVERIFY(tenants[1].tokens >= 6.0 && tenants[1].tokens < 7.0);
    QCOMPARE(tenants[1].accepted, 5LL);
    QCOMPARE(tenants[1].duplicates, 2LL);
    QCOMPARE(tenants[1].rateLimited, 3LL);
}

void RedisEventQueueTest::unreachableRedisIsAnOutage()
{
    RedisEventQueue queue(RedisEndpoint{"127.0.0.1", 1, "", 0}, 500ms, "c1");
    auto batch = queue.read(10, 10ms);
    QVERIFY(!batch.has_value());
    QVERIFY(isOutage(batch.error()));
}

QTEST_GUILESS_MAIN(RedisEventQueueTest)
#include "redis_event_queue_test.moc"
