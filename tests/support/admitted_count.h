#pragma once

#include "mccig/ports/live_stats.h"

#include <chrono>
#include <thread>

namespace mccig::test {

// How late the live counters may show an admission: a server flushes its
// counts every 200 ms (docs/redis-keys.md), plus room for a busy machine.
inline constexpr std::chrono::milliseconds kLiveCountersLag{400};

// Messages accepted in the last ten minutes, as the live per-second series
// counts them, once every admission answered before the call has had time to
// be flushed (whether or not a worker has drained the queue already).
inline long long admittedCount(LiveStats& live)
{
    std::this_thread::sleep_for(kLiveCountersLag);
    const auto series = live.series(600);
    if (!series)
        return -1;
    long long total = 0;
    for (const auto& point : *series)
        total += point.accepted;
    return total;
}

} // namespace mccig::test
