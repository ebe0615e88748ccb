// How a time of ours is written in Redis's clock: learnt from the times in
// Redis's answers, trusting only quick round trips.
#include "mccig/redis/redis_clock_offset.h"

#include <QtTest>

using namespace mccig;
using namespace std::chrono_literals;

namespace {

using Sent = RedisClockOffset::Sent;

long long micros(RedisClockOffset::WallClock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

// A call that left `ago` before now, on both clocks.
Sent sentAgo(std::chrono::microseconds ago)
{
    const Sent now = Sent::now();
    return {now.wall - ago, now.steady - ago};
}

} // namespace

class RedisClockOffsetTest final : public QObject {
    Q_OBJECT

private slots:
    void withNothingLearntTheClocksAreTakenToAgree()
    {
        const RedisClockOffset offset(250ms);
        const auto now = RedisClockOffset::WallClock::now();
        QCOMPARE(offset.inRedisClock(now), micros(now));
    }

    void aQuickAnswerTeachesHowFarRedisIsAhead()
    {
        RedisClockOffset offset(250ms);
        const Sent sent = sentAgo(2ms);
        // Redis read its clock in the middle of the call, 5 s ahead of ours.
        offset.learn(sent, micros(sent.wall) + 1'000 + 5'000'000);
        const auto now = RedisClockOffset::WallClock::now();
        QVERIFY(std::abs(offset.inRedisClock(now) - (micros(now) + 5'000'000)) <= 1'000);
    }

    void aSlowAnswerTeachesNothing()
    {
        RedisClockOffset offset(250ms);
        const Sent sent = sentAgo(400ms);
        offset.learn(sent, micros(sent.wall) + 3'000'000);
        const auto now = RedisClockOffset::WallClock::now();
        QCOMPARE(offset.inRedisClock(now), micros(now));
    }

    void aQuickerAnswerIsBelievedOverAnEarlierOne()
    {
        RedisClockOffset offset(250ms);
        const Sent slower = sentAgo(200ms);
        offset.learn(slower, micros(slower.wall) + 100'000 + 7'000'000);
        const Sent quicker = sentAgo(1ms);
        offset.learn(quicker, micros(quicker.wall) + 500 - 2'000'000);
        const Sent slowerAgain = sentAgo(100ms);
        offset.learn(slowerAgain, micros(slowerAgain.wall) + 50'000 + 9'000'000); // not quicker: ignored
        const auto now = RedisClockOffset::WallClock::now();
        QVERIFY(std::abs(offset.inRedisClock(now) - (micros(now) - 2'000'000)) <= 1'000);
    }
};

QTEST_GUILESS_MAIN(RedisClockOffsetTest)
#include "redis_clock_offset_test.moc"
