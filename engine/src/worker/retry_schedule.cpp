#include "mccig/worker/retry_schedule.h"

#include <algorithm>

namespace mccig {

std::chrono::milliseconds retryDelay(int attempts, std::chrono::milliseconds base, double unitRandom)
{
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const double full = static_cast<double>(base.count()) * static_cast<double>(1LL << std::min(doublings, 30));
    if (doublings >= 30 || full >= static_cast<double>(kMaxRetryDelay.count()))
        return kMaxRetryDelay;
    // Equal jitter: the next delay's fixed half equals this one's maximum.
    const double half = full / 2;
    const double jitter = half * std::clamp(unitRandom, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(half + jitter));
}

} // namespace mccig
