#pragma once

#include "mccig/core/result.h"
#include "mccig/redis/redis_url.h"

#include <array>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace mccig {

enum class AdmissionOutcome {
    Accepted,
    Duplicate,
    RateLimited,
    Invalid,
};

// The live admission counters of one process (docs/redis-keys.md:
// mccig:stats:{second}, mccig:tenant:{tenant}, mccig:tenants), kept in memory
// and added to Redis every `interval` by a thread of its own, in one script
// call, instead of inside every admission. What a process that dies has not
// flushed yet is lost: at most one interval of counts, never an event (the
// events are in the stream already). A flush that fails keeps its counts for
// the next one. Destruction stops the thread and flushes what is left.
//
// Threading: count() from any thread (the admission gates of every I/O thread
// share one instance); flush() from one thread at a time.
class AdmissionCounters {
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{200};

    AdmissionCounters(RedisEndpoint endpoint, std::chrono::milliseconds timeout,
                      std::chrono::milliseconds interval = kDefaultInterval);
    ~AdmissionCounters();
    AdmissionCounters(const AdmissionCounters&) = delete;
    AdmissionCounters& operator=(const AdmissionCounters&) = delete;

    // One outcome of `tenant` in `redisSecond` (Redis TIME, as the admission
    // script saw it, so every process counts in the same second).
    void count(long long redisSecond, const std::string& tenant, AdmissionOutcome outcome);

    // Adds everything counted so far to Redis now.
    Result<void> flush();

private:
    using Tally = std::array<long long, 4>; // by AdmissionOutcome
    using Counts = std::map<long long, std::map<std::string, Tally, std::less<>>>; // second → tenant → tally

    void runFlusher(std::stop_token stop);

    struct Connection;
    std::unique_ptr<Connection> m_connection; // the flushing thread's (or flush()'s caller's)
    std::mutex m_flushMutex;                  // one flush at a time
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex; // guards m_counts
    Counts m_counts;
    std::condition_variable_any m_wake; // only its stop token wakes it early
    std::jthread m_flusher; // last: it starts after everything above exists
};

} // namespace mccig
