#include "io_wait.h"
#include "private_redis_server.h"
#include "test_services.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/admission_counters.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/idempotency_record.h"
#include "mccig/redis/redis_admission_gate.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QtTest>


using namespace mccig;
using namespace std::chrono_literals;

namespace {

RedisEndpoint testEndpoint()
{
    auto endpoint = parseRedisUrl(test::redisUrlForDatabase(2).toStdString());
    if (!endpoint)
        qFatal("bad test Redis URL: %s", endpoint.error().message.c_str());
    return *endpoint;
}

AdmissionRequest request(const std::string& tenant, const std::string& providerMessageId,
                         RateLimitPolicy rateLimit = {100, 50})
{
    AdmissionRequest request;
    request.event.id = newUuidV7();
    request.event.tenantId = tenant;
    request.event.providerMessageId = providerMessageId;
    request.event.channel = Channel::Sms;
    request.event.content = "hello";
    request.event.rawMetadata = {{"from", "+15550001111"}, {"to", "+15550002222"}};
    request.event.createdAt = std::chrono::system_clock::now();
    request.rateLimit = rateLimit;
    request.idempotencyTtl = 600s;
    return request;
}

// The compact idempotency record key of an SMS of `tenant`.
std::string recordKey(const std::string& tenant, const std::string& providerMessageId)
{
    return idempotencyRecordKey(tenant, Channel::Sms, providerMessageId);
}

long long integerOf(const Result<RedisReply>& reply)
{
    if (!reply)
        return -1;
    if (reply->isInteger())
        return reply->integer;
    if (reply->isString())
        return std::stoll(reply->text);
    return reply->isNil() ? 0 : -1;
}

} // namespace

// The Redis admission gate: what it writes in Redis (the stream entry, the
// idempotency key, the counters) and how it fails. The promises every backend
// keeps are in tests/engine/ports/admission_conformance_test.cpp.
class RedisAdmissionGateTest final : public QObject {
    Q_OBJECT

private:
    boost::asio::io_context m_io;
    RedisSyncConnection m_redis{testEndpoint(), 2s};
    // Flushed by the tests (or at their end), never by its own timer.
    std::shared_ptr<AdmissionCounters> m_counters;
    std::shared_ptr<AdmissionBatchTally> m_batchSizes = std::make_shared<AdmissionBatchTally>();

    void flushCounters()
    {
        const auto flushed = m_counters->flush();
        QVERIFY2(flushed, flushed ? "" : flushed.error().message.c_str());
    }

    Result<AdmissionDecision> admit(RedisAdmissionGate& gate, const AdmissionRequest& admission)
    {
        std::optional<Result<AdmissionDecision>> result;
        gate.admit(admission, [&](Result<AdmissionDecision> decision) { result = std::move(decision); });
        if (!test::runUntilSet(m_io, result))
            return failure(ErrorKind::Internal, "no callback");
        return *result;
    }

    Result<BucketSnapshot> recordRejected(RedisAdmissionGate& gate, const std::string& tenant, RateLimitPolicy policy)
    {
        std::optional<Result<BucketSnapshot>> result;
        gate.recordRejected(tenant, policy, [&](Result<BucketSnapshot> snapshot) { result = std::move(snapshot); });
        if (!test::runUntilSet(m_io, result))
            return failure(ErrorKind::Internal, "no callback");
        return *result;
    }

    // Admits all of `admissions` in one turn of the loop; the results in order.
    std::vector<Result<AdmissionDecision>> admitTogether(RedisAdmissionGate& gate,
                                                         const std::vector<AdmissionRequest>& admissions)
    {
        std::vector<std::optional<Result<AdmissionDecision>>> results(admissions.size());
        for (std::size_t i = 0; i < admissions.size(); ++i)
            gate.admit(admissions[i], [&results, i](Result<AdmissionDecision> decision) { results[i] = std::move(decision); });
        test::runUntil(m_io, [&] {
            return std::all_of(results.begin(), results.end(), [](const auto& result) { return result.has_value(); });
        });
        std::vector<Result<AdmissionDecision>> answered;
        for (auto& result : results)
            answered.push_back(result ? std::move(*result) : failure(ErrorKind::Internal, "no callback"));
        return answered;
    }

    // How many EVALSHA calls `admissions`, arriving together, cost a gate with
    // `batchMax` on a Redis of the test's own (its command counts are ours alone).
    long long callsFor(std::size_t batchMax, std::size_t admissions)
    {
        test::PrivateRedisServer server;
        if (!server.start())
            qFatal("cannot start a private redis-server");
        const RedisEndpoint endpoint{"127.0.0.1", server.port(), "", 0};
        RedisAdmissionGate gate(m_io, endpoint, 2s, m_counters, m_batchSizes, batchMax); // counts go to the test Redis
        // Both scripts loaded first: a NOSCRIPT retry would count twice.
        for (const auto& warmUp : admitTogether(gate, {request("warm", "a"), request("warm", "b")})) {
            if (!warmUp)
                qFatal("warm-up batch failed: %s", warmUp.error().message.c_str());
        }
        if (!admit(gate, request("warm", "c")))
            qFatal("warm-up admission failed");
        RedisSyncConnection redis(endpoint, 2s);
        if (!redis.command({"CONFIG", "RESETSTAT"}))
            qFatal("CONFIG RESETSTAT failed");
        std::vector<AdmissionRequest> batch;
        for (std::size_t i = 0; i < admissions; ++i)
            batch.push_back(request("acme", "m" + std::to_string(i)));
        for (const auto& decision : admitTogether(gate, batch)) {
            if (!decision || decision->verdict != AdmissionVerdict::Accepted)
                qFatal("an admission was not accepted");
        }
        const auto stats = redis.command({"INFO", "commandstats"});
        const std::string text = stats ? stats->text : std::string();
        const auto at = text.find("cmdstat_evalsha:calls=");
        return at == std::string::npos ? 0 : std::stoll(text.substr(at + 22));
    }

    long long streamLength() { return integerOf(m_redis.command({"XLEN", std::string(kEventStreamKey)})); }

    // Sums a field over every per-second stats hash.
    long long statsTotal(const std::string& field)
    {
        const auto keys = m_redis.command({"KEYS", "mccig:stats:*"});
        long long total = 0;
        for (const auto& key : keys->elements)
            total += std::max(0LL, integerOf(m_redis.command({"HGET", key.text, field})));
        return total;
    }

private slots:
    void init()
    {
        QVERIFY(m_redis.command({"FLUSHDB"}).has_value());
        m_counters = std::make_shared<AdmissionCounters>(testEndpoint(), 2s, 1h);
    }

    void cleanup() { m_counters.reset(); }

    void acceptedWritesOneStreamEntryAndTheIdempotencyKey()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const auto admission = request("acme", "msg-1", {10, 1});
        const auto decision = admit(gate, admission);
        QVERIFY2(decision.has_value(), decision ? "" : decision.error().message.c_str());
        QCOMPARE(decision->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(decision->eventId, admission.event.id);
        QCOMPARE(decision->bucket.capacity, 10.0);
        QCOMPARE(decision->bucket.remaining, 9L);
        QCOMPARE(decision->bucket.resetIn, 1s);
        QCOMPARE(decision->retryAfter, 0ms);

        const auto entries = m_redis.command({"XRANGE", std::string(kEventStreamKey), "-", "+"});
        QVERIFY(entries.has_value());
        QCOMPARE(entries->elements.size(), size_t(1));
        const auto& fields = entries->elements[0].elements[1].elements;
        QCOMPARE(fields.size(), size_t(6));
        QCOMPARE(fields[0].text, std::string("event"));
        QCOMPARE(fields[1].text, toJson(admission.event).dump());
        QCOMPARE(fields[2].text, std::string("attempts"));
        QCOMPARE(fields[3].text, std::string("0"));
        QCOMPARE(fields[4].text, std::string("failures"));
        QCOMPARE(fields[5].text, std::string("[]"));

        const std::string idemKey = recordKey("acme", "msg-1");
        QCOMPARE(idemKey.size(), std::string("mccig:idem:{acme}").size() + 16);
        const auto stored = m_redis.command({"GET", idemKey});
        QCOMPARE(stored->text.size(), std::size_t(16));
        QCOMPARE(eventIdOfRecord(stored->text).value_or(""), admission.event.id);
        const long long ttl = integerOf(m_redis.command({"TTL", idemKey}));
        QVERIFY(ttl > 590 && ttl <= 600);

        const auto bucket = m_redis.command({"HGETALL", "mccig:bucket:acme"});
        QCOMPARE(bucket->elements.size(), size_t(8));
        QCOMPARE(m_redis.command({"HGET", "mccig:bucket:acme", "capacity"})->text, std::string("10"));
        QCOMPARE(m_redis.command({"HGET", "mccig:bucket:acme", "refillPerSecond"})->text, std::string("1"));
    }

    void duplicateReturnsTheFirstIdAndAddsNoEntry()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const auto first = request("acme", "msg-1");
        QCOMPARE(admit(gate, first)->verdict, AdmissionVerdict::Accepted);
        const auto again = request("acme", "msg-1");
        QVERIFY(again.event.id != first.event.id);
        const auto decision = admit(gate, again);
        QVERIFY(decision.has_value());
        QCOMPARE(decision->verdict, AdmissionVerdict::Duplicate);
        QCOMPARE(decision->eventId, first.event.id);
        QCOMPARE(streamLength(), 1LL);
        const auto stored = m_redis.command({"GET", recordKey("acme", "msg-1")});
        QCOMPARE(eventIdOfRecord(stored->text).value_or(""), first.event.id);
    }

    void emptyBucketIsRateLimitedWithoutIdempotencyRecord()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const RateLimitPolicy policy{2, 0.5};
        QCOMPARE(admit(gate, request("acme", "a", policy))->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(admit(gate, request("acme", "b", policy))->verdict, AdmissionVerdict::Accepted);
        const auto limited = admit(gate, request("acme", "c", policy));
        QVERIFY(limited.has_value());
        QCOMPARE(limited->verdict, AdmissionVerdict::RateLimited);
        QCOMPARE(limited->bucket.remaining, 0L);
        QCOMPARE(limited->bucket.resetIn, 4s); // two tokens at 0.5/s
        // One token at 0.5/s takes 2000 ms, less what refilled since the last request.
        QVERIFY2(limited->retryAfter > 1500ms && limited->retryAfter <= 2000ms,
                 std::to_string(limited->retryAfter.count()).c_str());
        QVERIFY(limited->eventId.empty());
        QCOMPARE(integerOf(m_redis.command({"EXISTS", recordKey("acme", "c")})), 0LL);
        QCOMPARE(streamLength(), 2LL);
    }

    void countersTrackEveryOutcome()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const RateLimitPolicy policy{2, 0.001};
        QCOMPARE(admit(gate, request("acme", "a", policy))->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(admit(gate, request("acme", "a", policy))->verdict, AdmissionVerdict::Duplicate);
        QCOMPARE(admit(gate, request("acme", "b", policy))->verdict, AdmissionVerdict::RateLimited);
        QVERIFY(recordRejected(gate, "acme", policy).has_value());
        QCOMPARE(admit(gate, request("other", "a", policy))->verdict, AdmissionVerdict::Accepted);
        flushCounters();

        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "duplicate"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "rateLimited"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "invalid"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:other", "accepted"})), 1LL);

        QCOMPARE(statsTotal("accepted"), 2LL);
        QCOMPARE(statsTotal("duplicate"), 1LL);
        QCOMPARE(statsTotal("rateLimited"), 1LL);
        QCOMPARE(statsTotal("invalid"), 1LL);
        QCOMPARE(statsTotal("t:acme:accepted"), 1LL);
        QCOMPARE(statsTotal("t:acme:duplicate"), 1LL);
        QCOMPARE(statsTotal("t:acme:rateLimited"), 1LL);
        QCOMPARE(statsTotal("t:acme:invalid"), 1LL);
        QCOMPARE(statsTotal("t:other:accepted"), 1LL);

        const auto statsKeys = m_redis.command({"KEYS", "mccig:stats:*"});
        QVERIFY(!statsKeys->elements.empty());
        for (const auto& key : statsKeys->elements) {
            const long long ttl = integerOf(m_redis.command({"TTL", key.text}));
            QVERIFY(ttl > 3800 && ttl <= 3900);
        }
        const auto tenants = m_redis.command({"SMEMBERS", "mccig:tenants"});
        QCOMPARE(tenants->elements.size(), size_t(2));
    }

    void recordRejectedCountsInvalidAndTakesNoToken()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const RateLimitPolicy policy{5, 0.001};
        const auto untouched = recordRejected(gate, "acme", policy);
        QVERIFY(untouched.has_value());
        QCOMPARE(untouched->capacity, 5.0);
        QCOMPARE(untouched->remaining, 5L);
        QCOMPARE(untouched->resetIn, 0s);
        QCOMPARE(integerOf(m_redis.command({"EXISTS", "mccig:bucket:acme"})), 0LL);

        QCOMPARE(admit(gate, request("acme", "a", policy))->bucket.remaining, 4L);
        const auto afterAdmit = recordRejected(gate, "acme", policy);
        QCOMPARE(afterAdmit->remaining, 4L);
        QCOMPARE(afterAdmit->resetIn, 1000s); // one token at 0.001/s
        QCOMPARE(admit(gate, request("acme", "b", policy))->bucket.remaining, 3L);
        flushCounters();
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "invalid"})), 2LL);
        QCOMPARE(integerOf(m_redis.command({"SISMEMBER", "mccig:tenants", "acme"})), 1LL);
        QCOMPARE(streamLength(), 2LL);
    }

    void unreachableRedisIsUnavailable()
    {
        RedisAdmissionGate gate(m_io, RedisEndpoint{"127.0.0.1", 1, "", 0}, 2s, m_counters, m_batchSizes);
        const auto decision = admit(gate, request("acme", "a"));
        QVERIFY(!decision.has_value());
        QCOMPARE(decision.error().kind, ErrorKind::Unavailable);
        const auto snapshot = recordRejected(gate, "acme", {});
        QVERIFY(!snapshot.has_value());
        QCOMPARE(snapshot.error().kind, ErrorKind::Unavailable);
    }

    void wrongTypeKeyIsAnInternalError()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        QVERIFY(m_redis.command({"SET", "mccig:bucket:acme", "not a hash"}).has_value());
        const auto decision = admit(gate, request("acme", "a"));
        QVERIFY(!decision.has_value());
        QCOMPARE(decision.error().kind, ErrorKind::Internal);
        QCOMPARE(streamLength(), 0LL);
    }

    // A record an older version wrote (text key, text id) still makes its copies duplicates.
    void textRecordOfAnOlderVersionIsADuplicate()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const std::string firstId = newUuidV7();
        const std::string textKey = textIdempotencyKey("acme", Channel::Sms, "old");
        QCOMPARE(textKey, std::string("mccig:idem:acme:sms:old"));
        QVERIFY(m_redis.command({"SET", textKey, firstId, "EX", "600"}).has_value());
        const auto decision = admit(gate, request("acme", "old"));
        QCOMPARE(decision->verdict, AdmissionVerdict::Duplicate);
        QCOMPARE(decision->eventId, firstId);
        QCOMPARE(streamLength(), 0LL);
        QCOMPARE(integerOf(m_redis.command({"EXISTS", recordKey("acme", "old")})), 0LL);
        const auto batched = admitTogether(gate, {request("acme", "old"), request("acme", "new")});
        QCOMPARE(batched[0]->verdict, AdmissionVerdict::Duplicate);
        QCOMPARE(batched[0]->eventId, firstId);
        QCOMPARE(batched[1]->verdict, AdmissionVerdict::Accepted);
    }

    void recordKeysTellMessagesApart()
    {
        QCOMPARE(recordKey("acme", "a"), recordKey("acme", "a"));
        QVERIFY(recordKey("acme", "a") != recordKey("acme", "b"));
        QVERIFY(recordKey("acme", "a") != recordKey("globex", "a"));
        QVERIFY(idempotencyRecordKey("acme", Channel::Sms, "a") != idempotencyRecordKey("acme", Channel::Chat, "a"));
        QVERIFY(recordKey("acme", "a").starts_with("mccig:idem:{acme}"));
    }

    void eventIdsRoundTripThroughTheirBytes()
    {
        const std::string id = newUuidV7();
        const auto bytes = eventIdBytes(id);
        QVERIFY(bytes.has_value());
        QCOMPARE(bytes->size(), std::size_t(16));
        QCOMPARE(eventIdOfRecord(*bytes).value_or(""), id);
        QCOMPARE(eventIdBytes("ABCDEF01-2345-6789-ABCD-EF0123456789").value_or(""),
                 std::string("\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89", 16));
        QVERIFY(!eventIdBytes("not-a-uuid").has_value());
        QVERIFY(!eventIdBytes(id.substr(1)).has_value());
        QVERIFY(!eventIdOfRecord("short").has_value());
        QVERIFY(!eventIdOfRecord(std::string(17, 'x')).has_value());
    }

    // The key is recorded before the event is queued; a failed XADD takes it back.
    void failedEnqueueLeavesNoIdempotencyRecord()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        QVERIFY(m_redis.command({"SET", std::string(kEventStreamKey), "not a stream"}).has_value());
        const auto failed = admit(gate, request("acme", "a"));
        QVERIFY(!failed.has_value());
        QCOMPARE(failed.error().kind, ErrorKind::Internal);
        QCOMPARE(integerOf(m_redis.command({"EXISTS", recordKey("acme", "a")})), 0LL);
        QVERIFY(m_redis.command({"DEL", std::string(kEventStreamKey)}).has_value());
        QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Accepted);
    }

    void admitsSurviveScriptFlush()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Accepted);
        QVERIFY(m_redis.command({"SCRIPT", "FLUSH"}).has_value());
        QCOMPARE(admit(gate, request("acme", "b"))->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(streamLength(), 2LL);
    }

    void admissionsArrivingTogetherGoInOneCall() { QCOMPARE(callsFor(32, 10), 1LL); }

    void batchesAreCutAtTheirMaximum() { QCOMPARE(callsFor(4, 10), 3LL); }

    void batchMaximumOfOneSendsEachAdmissionAlone() { QCOMPARE(callsFor(1, 10), 10LL); }

    void batchWritesWhatSingleAdmissionsWould()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        const RateLimitPolicy policy{2, 0.001};
        const auto first = request("acme", "a", policy);
        const auto decisions = admitTogether(gate, {first, request("acme", "a", policy), request("acme", "b", policy),
                                                    request("other", "a", policy)});
        QCOMPARE(decisions[0]->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(decisions[1]->verdict, AdmissionVerdict::Duplicate);
        QCOMPARE(decisions[2]->verdict, AdmissionVerdict::RateLimited);
        QCOMPARE(decisions[3]->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(streamLength(), 2LL);
        QCOMPARE(eventIdOfRecord(m_redis.command({"GET", recordKey("acme", "a")})->text).value_or(""), first.event.id);
        flushCounters();
        QCOMPARE(integerOf(m_redis.command({"EXISTS", recordKey("acme", "b")})), 0LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "duplicate"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "rateLimited"})), 1LL);
        QCOMPARE(m_redis.command({"SMEMBERS", "mccig:tenants"})->elements.size(), size_t(2));
    }

    void wrongTypeKeyFailsOnlyItsOwnRequestInABatch()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        QVERIFY(m_redis.command({"SET", "mccig:bucket:broken", "not a hash"}).has_value());
        const auto decisions =
            admitTogether(gate, {request("acme", "a"), request("broken", "a"), request("acme", "b")});
        QCOMPARE(decisions[0]->verdict, AdmissionVerdict::Accepted);
        QVERIFY(!decisions[1].has_value());
        QCOMPARE(decisions[1].error().kind, ErrorKind::Internal);
        QCOMPARE(decisions[2]->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(streamLength(), 2LL);
    }

    void countsReachRedisOnlyWithAFlush()
    {
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
        QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Accepted);
        QCOMPARE(streamLength(), 1LL); // the event is there at once
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 0LL);
        QCOMPARE(statsTotal("accepted"), 0LL);
        flushCounters();
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 1LL);
        QCOMPARE(statsTotal("accepted"), 1LL);
        flushCounters(); // nothing new: nothing added twice
        QCOMPARE(statsTotal("accepted"), 1LL);
    }

    // The flushing thread adds the counts by itself (every 100 ms here); the
    // wait is generous so a loaded machine cannot fail it.
    void countsAreFlushedWithoutBeingAsked()
    {
        auto counters = std::make_shared<AdmissionCounters>(testEndpoint(), 2s, 100ms);
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, counters, m_batchSizes);
        QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 1LL, 10000);
    }

    void destroyingTheCountersFlushesThem()
    {
        {
            RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, m_batchSizes);
            QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Accepted);
            QCOMPARE(admit(gate, request("acme", "a"))->verdict, AdmissionVerdict::Duplicate);
        }
        m_counters.reset();
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "accepted"})), 1LL);
        QCOMPARE(integerOf(m_redis.command({"HGET", "mccig:tenant:acme", "duplicate"})), 1LL);
    }

    void failedFlushKeepsItsCountsForTheNext()
    {
        test::PrivateRedisServer server;
        QVERIFY(server.start());
        const RedisEndpoint endpoint{"127.0.0.1", server.port(), "", 0};
        AdmissionCounters counters(endpoint, 500ms, 1h);
        counters.count(1000, "acme", AdmissionOutcome::Accepted);
        server.kill();
        QVERIFY(!counters.flush().has_value());
        counters.count(1000, "acme", AdmissionOutcome::Accepted);
        QVERIFY(server.start());
        QVERIFY(counters.flush().has_value());
        RedisSyncConnection redis(endpoint, 2s);
        QCOMPARE(integerOf(redis.command({"HGET", "mccig:stats:1000", "t:acme:accepted"})), 2LL);
        QCOMPARE(integerOf(redis.command({"SISMEMBER", "mccig:tenants", "acme"})), 1LL);
    }

    void batchSizesCountEachCallOnce()
    {
        auto sizes = std::make_shared<AdmissionBatchTally>();
        RedisAdmissionGate gate(m_io, testEndpoint(), 2s, m_counters, sizes, 4);
        QVERIFY(admit(gate, request("acme", "size-alone")));
        std::vector<AdmissionRequest> together;
        for (int i = 0; i < 6; ++i)
            together.push_back(request("acme", "size-" + std::to_string(i)));
        for (const auto& decision : admitTogether(gate, together))
            QVERIFY(decision);
        // One call of one, then the cap cuts six arriving together into four and two.
        const AdmissionBatchSizes totals = sizes->totals();
        QCOMPARE(totals.calls, 3LL);
        QCOMPARE(totals.admissions, 7LL);
        QCOMPARE(totals.buckets[0], 1LL); // <= 1
        QCOMPARE(totals.buckets[1], 1LL); // 2
        QCOMPARE(totals.buckets[2], 1LL); // 3..4
        QCOMPARE(totals.buckets.back(), 0LL);
    }
};

QTEST_GUILESS_MAIN(RedisAdmissionGateTest)
#include "redis_admission_gate_test.moc"
