// How a moment of ours is written in Redis's clock: learnt from the times in
// Redis's answers, trusting only quick round trips.
#include "mccig/redis/redis_clock_offset.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

using Clock = RedisClockOffset::Clock;

long long micros(Clock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

// A fixed moment to measure from, far from the steady clock's start.
const Clock::time_point kStart = Clock::time_point(std::chrono::hours(1000));

// Redis's clock when it is `ahead` of a clock reading micros(kStart) at kStart.
long long redisAt(Clock::time_point local, std::chrono::microseconds ahead)
{
    return micros(local) + ahead.count();
}

} // namespace

class RedisClockOffsetTest final : public QObject {
    Q_OBJECT

private slots:
    void withNothingLearntRedisAgreesWithTheWallClock()
    {
        const RedisClockOffset offset(250ms);
        const long long wall =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        QVERIFY(std::abs(offset.inRedisClock(Clock::now()) - wall) < 1'000'000);
    }

    void aQuickAnswerTeachesWhereRedisStands()
    {
        RedisClockOffset offset(250ms);
        // Sent at kStart, answered 2 ms later; Redis read its clock in the middle, 5 s ahead.
        offset.learn(kStart, kStart + 2ms, redisAt(kStart + 1ms, 5s), false);
        QCOMPARE(offset.inRedisClock(kStart + 10s), redisAt(kStart + 10s, 5s));
    }

    void aSlowAnswerTeachesNothing()
    {
        RedisClockOffset offset(250ms);
        offset.learn(kStart, kStart + 2ms, redisAt(kStart + 1ms, 5s), false);
        offset.learn(kStart + 1s, kStart + 1s + 400ms, redisAt(kStart + 1s + 200ms, 9s), false);
        QCOMPARE(offset.inRedisClock(kStart + 10s), redisAt(kStart + 10s, 5s));
    }

    void aQuickerAnswerIsBelievedOverASlowerOne()
    {
        RedisClockOffset offset(250ms);
        offset.learn(kStart, kStart + 200ms, redisAt(kStart + 100ms, 7s), false);
        offset.learn(kStart + 1s, kStart + 1s + 2ms, redisAt(kStart + 1s + 1ms, -2s), false);
        offset.learn(kStart + 2s, kStart + 2s + 100ms, redisAt(kStart + 2s + 50ms, 9s), false); // slower: ignored
        QCOMPARE(offset.inRedisClock(kStart + 10s), redisAt(kStart + 10s, -2s));
    }

    void aSlowerAnswerIsTakenOnceTheEstimateIsOld()
    {
        RedisClockOffset offset(250ms);
        offset.learn(kStart, kStart + 2ms, redisAt(kStart + 1ms, 5s), false);
        const auto later = kStart + RedisClockOffset::kRefreshAfter + 1s;
        offset.learn(later, later + 100ms, redisAt(later + 50ms, 6s), false); // the clocks drifted
        QCOMPARE(offset.inRedisClock(later + 1s), redisAt(later + 1s, 6s));
    }

    // Redis's clock jumped: a quick answer that ran late proves the estimate
    // wrong, however good the round trip it came from.
    void aQuickLateAnswerReplacesTheEstimate()
    {
        RedisClockOffset offset(250ms);
        offset.learn(kStart, kStart + 1ms, redisAt(kStart, 0s), false);
        offset.learn(kStart + 1s, kStart + 1s + 20ms, redisAt(kStart + 1s + 10ms, 30s), true);
        QCOMPARE(offset.inRedisClock(kStart + 2s), redisAt(kStart + 2s, 30s));
    }
};

QTEST_GUILESS_MAIN(RedisClockOffsetTest)
#include "redis_clock_offset_test.moc"
