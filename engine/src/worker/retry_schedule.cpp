#include "mccig/worker/retry_schedule.h"

#include <algorithm>

namespace mccig {

std::chrono::milliseconds retryDelay(int attempts, std::chrono::milliseconds base, double unitRandom)
{
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const double full = static_cast<double>(base.count()) * static_cast<double>(1LL << std::min(doublings, 30));
    if (doublings >= 30 || full >= static_cast<double>(kMaxRetryDelay.count()))
        return kMaxRetryDelay;
    // Jitter above the delay, never below it: the first retry waits at least
    // `base`, as --retry-base-ms promises, and each delay's least (2x) is
    // above the previous one's most (1.5x).
    const double jitter = full / 2 * std::clamp(unitRandom, 0.0, 1.0);
    return std::min(kMaxRetryDelay, std::chrono::milliseconds(static_cast<long long>(full + jitter)));
}

} // namespace mccig
