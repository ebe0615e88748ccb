#include "io_wait.h"
#include "private_redis_server.h"

#include "mccig/core/uuid.h"
#include "mccig/redis/redis_admission_gate.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

constexpr auto kBackendTimeout = 500ms;

RedisEndpoint privateEndpoint() { return RedisEndpoint{"127.0.0.1", test::PrivateRedisServer::kPort, "", 0}; }

AdmissionRequest request()
{
    AdmissionRequest request;
    request.event.id = newUuidV7();
    request.event.tenantId = "acme";
    request.event.providerMessageId = request.event.id; // a new message every time
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
    }

    void cleanup() { m_server.reset(); } // resumes and kills the server

    void killedRedisFailsFastAndRestartRecovers()
    {
        RedisAdmissionGate gate(m_io, privateEndpoint(), kBackendTimeout);
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
        RedisAdmissionGate gate(m_io, privateEndpoint(), kBackendTimeout);
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
        RedisAdmissionGate gate(m_io, privateEndpoint(), kBackendTimeout);
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
            RedisAdmissionGate gate(m_io, privateEndpoint(), kBackendTimeout);
            QCOMPARE(admit(gate)->verdict, AdmissionVerdict::Accepted);
            m_server->freeze();
            for (int i = 0; i < 10; ++i)
                gate.admit(request(), [&](Result<AdmissionDecision>) { ++answered; });
            test::runFor(m_io, 50ms);
        }
        test::runFor(m_io, 2 * kBackendTimeout);
        QCOMPARE(answered, 0);
    }
};

QTEST_GUILESS_MAIN(RedisAdmissionFaultsTest)
#include "redis_admission_faults_test.moc"
