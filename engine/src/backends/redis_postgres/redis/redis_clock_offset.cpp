#include "mccig/redis/redis_clock_offset.h"

namespace mccig {
namespace {

long long microsSinceEpoch(RedisClockOffset::WallClock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

} // namespace

RedisClockOffset::RedisClockOffset(std::chrono::microseconds trustedRoundTrip)
    : m_trustedRoundTrip(trustedRoundTrip)
{
}

void RedisClockOffset::learn(const Sent& sent, long long redisMicros)
{
    const auto answered = SteadyClock::now();
    const auto roundTrip = std::chrono::duration_cast<std::chrono::microseconds>(answered - sent.steady);
    if (roundTrip > m_trustedRoundTrip)
        return;
    if (roundTrip >= m_bestRoundTrip && answered - m_learntAt < kRefreshAfter)
        return;
    m_offsetMicros = redisMicros - (microsSinceEpoch(sent.wall) + roundTrip.count() / 2);
    m_bestRoundTrip = roundTrip;
    m_learntAt = answered;
}

long long RedisClockOffset::inRedisClock(WallClock::time_point local) const
{
    return microsSinceEpoch(local) + m_offsetMicros;
}

} // namespace mccig
