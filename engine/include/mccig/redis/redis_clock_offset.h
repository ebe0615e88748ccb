#pragma once

#include <chrono>

namespace mccig {

// Where Redis's clock stands against this process's steady clock, learnt
// from the times Redis reports in its answers, so that a moment of ours can
// be handed to a script in Redis's clock. Until it learns, Redis's clock is
// taken to agree with this host's wall clock (hosts kept in step by NTP
// differ by milliseconds). A sample takes the middle of its call as the
// moment Redis read its clock, so it is off by at most half the call's round
// trip: only calls answered within `trustedRoundTrip` are learnt from, the
// quickest preferred, and after kRefreshAfter any trusted one, to follow
// drift. Steps of this host's wall clock do not touch it.
class RedisClockOffset {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kRefreshAfter{10};

    explicit RedisClockOffset(std::chrono::microseconds trustedRoundTrip);

    // A call sent at `sent` and answered at `answered` ran when Redis's clock
    // read `redisMicros` (microseconds since the epoch). `late`: it ran past
    // the deadline this estimate gave it although it was answered quickly,
    // so the estimate is wrong (Redis's clock jumped) and this sample
    // replaces it.
    void learn(Clock::time_point sent, Clock::time_point answered, long long redisMicros, bool late);

    // `local` in Redis's clock, in microseconds since the epoch.
    long long inRedisClock(Clock::time_point local) const;

private:
    std::chrono::microseconds m_trustedRoundTrip;
    long long m_offsetMicros; // Redis's clock less the steady clock, in microseconds
    std::chrono::microseconds m_bestRoundTrip = std::chrono::microseconds::max();
    Clock::time_point m_learntAt{};
};

} // namespace mccig
