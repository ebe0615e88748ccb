#pragma once

#include <chrono>

namespace mccig {

// How far Redis's clock is from this process's wall clock, learnt from the
// times Redis reports in its answers, so that a time of ours can be handed to
// a script in Redis's clock. It starts at 0: hosts kept in step by NTP differ
// by milliseconds. A sample takes the middle of its call as the moment Redis
// read its clock, so it is off by at most half the call's round trip: only
// calls answered within `trustedRoundTrip` are learnt from, the quickest
// preferred, and after kRefreshAfter any trusted one, to follow drift.
class RedisClockOffset {
public:
    using WallClock = std::chrono::system_clock;
    using SteadyClock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kRefreshAfter{10};

    // When a call left, on both clocks.
    struct Sent {
        WallClock::time_point wall;
        SteadyClock::time_point steady;
        static Sent now() { return {WallClock::now(), SteadyClock::now()}; }
    };

    explicit RedisClockOffset(std::chrono::microseconds trustedRoundTrip);

    // A call that left at `sent`, answered now, ran when Redis's clock read
    // `redisMicros` (microseconds since the epoch).
    void learn(const Sent& sent, long long redisMicros);

    // `local` in Redis's clock, in microseconds since the epoch.
    long long inRedisClock(WallClock::time_point local) const;

private:
    std::chrono::microseconds m_trustedRoundTrip;
    long long m_offsetMicros = 0;
    std::chrono::microseconds m_bestRoundTrip = std::chrono::microseconds::max();
    SteadyClock::time_point m_learntAt{};
};

} // namespace mccig
