#include "io_wait.h"
#include "private_redis_server.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/admission_counters.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_admission_gate.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr auto kBackendTimeout = 500ms;


RedisEndpoint privateEndpoint(const test::PrivateRedisServer& server)
{
    return RedisEndpoint{"127.0.0.1", server.port(), "", 0};
}

// A new message every time, unless `providerMessageId` names one.
AdmissionRequest request(const std::string& providerMessageId = {})
{
    AdmissionRequest request;
    request.event.id = newUuidV7();
    request.event.tenantId = "acme";
    request.event.providerMessageId = providerMessageId.empty() ? request.event.id : providerMessageId;
    request.event.content = "hello";
    request.event.createdAt = std::chrono::system_clock::now();
    request.rateLimit = {1000000, 1000000};
    return request;
}

} // namespace

// The gate against a Redis that dies, comes back and freezes: it fails fast
// or within the backend timeout, and recovers by itself.
class RedisAdmissionFaultsTest final : public QObject {
    Q_OBJECT

private:
    boost::asio::io_context m_io;
    std::unique_ptr<test::PrivateRedisServer> m_server;
    std::shared_ptr<AdmissionCounters> m_counters;
    std::shared_ptr<AdmissionBatchTally> m_batchSizes = std::make_shared<AdmissionBatchTally>();

    Result<AdmissionDecision> admit(RedisAdmissionGate& gate)
    {
        std::optional<Result<AdmissionDecision>> result;
        gate.admit(request(), [&](Result<AdmissionDecision> decision) { result = std::move(decision); });
        if (!test::runUntilSet(m_io, result))
            return failure(ErrorKind::Internal, "no callback");
        return *result;
    }

    // Admits until one is accepted: the gate reconnects in the background.
    bool recovers(RedisAdmissionGate& gate)
    {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto decision = admit(gate);
            if (decision && decision->verdict == AdmissionVerdict::Accepted)
                return true;
            test::runFor(m_io, 50ms);
        }
        return false;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<test::PrivateRedisServer>();
        QVERIFY(m_server->start());
        m_counters = std::make_shared<AdmissionCounters>(privateEndpoint(*m_server), kBackendTimeout, 1h);
    }

    void cleanup()
    {
        m_server->thaw();
        m_counters.reset();
        m_server.reset(); // kills the server
    }

    void killedRedisFailsFastAndRestartRecovers()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);

        m_server->kill();
        QElapsedTimer clock;
        clock.start();
        const auto down = admit(gate);
        QVERIFY(!down.has_value());
        QCOMPARE(down.error().kind, ErrorKind::Unavailable);
        QVERIFY2(clock.elapsed() < kBackendTimeout.count(), "should fail before the timeout");
        const auto stillDown = admit(gate);
        QVERIFY(!stillDown.has_value());
        QCOMPARE(stillDown.error().kind, ErrorKind::Unavailable);

        QVERIFY(m_server->start());
        QVERIFY(recovers(gate));
    }

    void frozenRedisTimesOutAndThawRecovers()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);

        m_server->freeze();
        QElapsedTimer clock;
        clock.start();
        const auto frozen = admit(gate);
        QVERIFY(!frozen.has_value());
        QCOMPARE(frozen.error().kind, ErrorKind::Timeout);
        QVERIFY(clock.elapsed() >= kBackendTimeout.count() - 50);
        QVERIFY2(clock.elapsed() < 3 * kBackendTimeout.count(), "should fail about at the timeout");

        m_server->thaw();
        QVERIFY(recovers(gate));
    }

    void pendingAdmitsAllAnswerWhenRedisDies()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
        m_server->freeze();
        std::vector<Result<AdmissionDecision>> results;
        for (int i = 0; i < 20; ++i)
            gate.admit(request(), [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        test::runFor(m_io, 100ms);
        m_server->kill();
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        m_io.restart();
        while (results.size() < 20 && std::chrono::steady_clock::now() < deadline)
            m_io.run_one_for(10ms);
        test::runFor(m_io, 100ms); // nothing is answered twice
        QCOMPARE(results.size(), size_t(20));
        for (const auto& result : results) {
            QVERIFY(!result.has_value());
            QVERIFY(isOutage(result.error()));
        }
    }

    void destroyingTheGateWithAdmitsInFlightIsSafe()
    {
        int answered = 0;
        {
            RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
            QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
            m_server->freeze();
            for (int i = 0; i < 10; ++i)
                gate.admit(request(), [&](Result<AdmissionDecision>) { ++answered; });
            test::runFor(m_io, 50ms);
        }
        test::runFor(m_io, 2 * kBackendTimeout);
        QCOMPARE(answered, 0);
    }

    // A batch in flight in a frozen Redis, and one waiting behind it: every
    // request in both gets an outage (503). The batch in flight runs at the
    // thaw, past its deadline, and admits nothing: every retry is accepted as
    // new, and every message is queued exactly once (API.md §3: a 503 leaves
    // no idempotency record).
    // Out of memory under noeviction, Redis refuses every write: an outage the
    // client retries (503), not a fault of ours (500), on the single and the
    // batch path alike, and nothing is recorded.
    void fullRedisIsAnOutageThatRecordsNothing()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
        RedisSyncConnection redis(privateEndpoint(*m_server), 2s);
        QVERIFY(redis.command({"CONFIG", "SET", "maxmemory", "1"}));
        const auto keysBefore = redis.command({"DBSIZE"});
        QVERIFY(keysBefore);

        std::vector<Result<AdmissionDecision>> results;
        for (int i = 0; i < 10; ++i)
            gate.admit(request(), [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == 10; }, 3 * kBackendTimeout));
        for (const auto& result : results) {
            QVERIFY(!result.has_value());
            QVERIFY2(result.error().kind == ErrorKind::Unavailable, result.error().message.c_str());
        }
        QCOMPARE(redis.command({"DBSIZE"})->integer, keysBefore->integer);

        QVERIFY(redis.command({"CONFIG", "SET", "maxmemory", "0"}));
        QVERIFY(recovers(gate));
    }

    // Redis frozen past the call's deadline but thawed before its timeout:
    // the call runs late, admits nothing and says so, and the retry is new.
    void aCallThatRunsPastItsDeadlineAdmitsNothing_data()
    {
        QTest::addColumn<int>("messages");
        QTest::newRow("alone") << 1;
        QTest::newRow("a batch") << 5;
    }

    void aCallThatRunsPastItsDeadlineAdmitsNothing()
    {
        QFETCH(int, messages);
        // Its deadline 250 ms before its timeout: thawed between the two.
        constexpr auto timeout = 2000ms;
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), timeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
        RedisSyncConnection redis(privateEndpoint(*m_server), 2s);
        const auto before = redis.command({"DBSIZE"});
        QVERIFY(before.has_value());
        std::vector<AdmissionRequest> sent;
        std::vector<Result<AdmissionDecision>> results;
        m_server->freeze();
        for (int i = 0; i < messages; ++i) {
            sent.push_back(request(newUuidV7()));
            gate.admit(sent.back(), [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        }
        test::runFor(m_io, timeout - 150ms);
        m_server->thaw();
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == sent.size(); }, 2 * timeout));
        for (const auto& result : results) {
            QVERIFY(!result.has_value());
            QCOMPARE(result.error().kind, ErrorKind::Timeout);
            QVERIFY2(result.error().message.find("after its deadline") != std::string::npos,
                     result.error().message.c_str());
        }
        QCOMPARE(redis.command({"DBSIZE"})->integer, before->integer);
        results.clear();
        for (const auto& first : sent)
            gate.admit(request(first.event.providerMessageId),
                       [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == sent.size(); }));
        for (const auto& result : results) {
            QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
            QCOMPARE(result->verdict, AdmissionVerdict::Accepted);
        }
    }

    // Calls pipelined behind one that times out fail with it, however much
    // later they were sent: their deadlines fall before that timeout too, so
    // none of them is admitted when a frozen Redis wakes and runs them.
    void callsBehindOneThatTimesOutAdmitNothing()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes, 1);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
        RedisSyncConnection redis(privateEndpoint(*m_server), 2s);
        const auto before = redis.command({"DBSIZE"});
        QVERIFY(before.has_value());
        std::vector<Result<AdmissionDecision>> results;
        const auto admitOne = [&] {
            gate.admit(request(), [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        };
        m_server->freeze();
        admitOne();
        test::runFor(m_io, kBackendTimeout / 2);
        admitOne(); // its own timeout would come half a timeout after the first's
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == 2; }, 2 * kBackendTimeout));
        for (const auto& result : results)
            QVERIFY(!result.has_value());
        m_server->thaw();
        QVERIFY(recovers(gate));
        QCOMPARE(redis.command({"DBSIZE"})->integer, before->integer + 1); // the recovery's own idempotency record
    }

    void frozenRedisMidBatchFailsEveryRequestInIt()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(*m_server), kBackendTimeout, m_counters, m_batchSizes);
        QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
        std::vector<AdmissionRequest> sent;
        std::vector<Result<AdmissionDecision>> results;
        const auto admitMessages = [&](int count) {
            for (int i = 0; i < count; ++i) {
                sent.push_back(request(newUuidV7()));
                gate.admit(sent.back(), [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
            }
        };
        m_server->freeze();
        admitMessages(10);
        test::runFor(m_io, 50ms); // the first batch is written and waits for its reply
        QVERIFY(results.empty());
        admitMessages(10); // waits for the first batch's reply
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == sent.size(); }, 3 * kBackendTimeout));
        for (const auto& result : results) {
            QVERIFY(!result.has_value());
            QVERIFY(isOutage(result.error()));
        }
        QCOMPARE(std::count_if(results.begin(), results.end(),
                               [](const auto& result) { return result.error().kind == ErrorKind::Timeout; }),
                 10L);

        m_server->thaw();
        QVERIFY(recovers(gate));
        std::vector<AdmissionRequest> retries;
        for (const auto& first : sent)
            retries.push_back(request(first.event.providerMessageId));
        results.clear();
        for (const auto& retry : retries)
            gate.admit(retry, [&](Result<AdmissionDecision> decision) { results.push_back(std::move(decision)); });
        QVERIFY(test::runUntil(m_io, [&] { return results.size() == retries.size(); }));
        for (std::size_t i = 0; i < results.size(); ++i) {
            QVERIFY2(results[i].has_value(), results[i] ? "" : results[i].error().message.c_str());
            QCOMPARE(results[i]->verdict, AdmissionVerdict::Accepted);
            QCOMPARE(results[i]->eventId, retries[i].event.id);
        }
        RedisSyncConnection redis(privateEndpoint(*m_server), 2s);
        const auto length = redis.command({"XLEN", std::string(kEventStreamKey)});
        QVERIFY(length.has_value());
        QCOMPARE(length->integer, 2LL + static_cast<long long>(sent.size())); // the first and the recovery's probe
    }
};

QTEST_GUILESS_MAIN(RedisAdmissionFaultsTest)
#include "redis_admission_faults_test.moc"
