#include "mccig/redis/redis_clock_offset.h"

namespace mccig {
namespace {

template <typename TimePoint>
long long micros(TimePoint time)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

} // namespace

RedisClockOffset::RedisClockOffset(std::chrono::microseconds trustedRoundTrip)
    : m_trustedRoundTrip(trustedRoundTrip)
    , m_offsetMicros(micros(std::chrono::system_clock::now()) - micros(Clock::now()))
{
}

void RedisClockOffset::learn(Clock::time_point sent, Clock::time_point answered, long long redisMicros, bool late)
{
    const auto roundTrip = std::chrono::duration_cast<std::chrono::microseconds>(answered - sent);
    if (roundTrip > m_trustedRoundTrip)
        return;
    if (!late && roundTrip >= m_bestRoundTrip && answered - m_learntAt < kRefreshAfter)
        return;
    m_offsetMicros = redisMicros - (micros(sent) + roundTrip.count() / 2);
    m_bestRoundTrip = roundTrip;
    m_learntAt = answered;
}

long long RedisClockOffset::inRedisClock(Clock::time_point local) const { return micros(local) + m_offsetMicros; }

} // namespace mccig
