#pragma once

#include "mccig/ports/live_stats.h"

namespace mccig::test {

// Messages accepted in the last ten minutes, as the live per-second series
// counts them: in the same atomic step as the enqueue, so a 202 is in it by
// the time it arrives (even if a worker has drained the queue already).
inline long long admittedCount(LiveStats& live)
{
    const auto series = live.series(600);
    if (!series)
        return -1;
    long long total = 0;
    for (const auto& point : *series)
        total += point.accepted;
    return total;
}

} // namespace mccig::test
