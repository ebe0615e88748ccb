#pragma once

#include "log/log_rate_limiter.h"
#include "mccig/worker/worker_service.h"

#include <mutex>

namespace mccig::server {

// Writes the worker's retries (warning) and moves to the dead-letter queue
// (error), each kind rate-limited to kLinesPerSecond; a line after a storm
// says how many were left out ("suppressed"). The counters of /metrics stay
// exact. record() may be called from any worker thread.
class WorkerFailureLog {
public:
    static constexpr std::size_t kLinesPerSecond = 5;

    void record(const WorkerFailure& failure);

private:
    std::mutex m_mutex; // guards both limiters
    LogRateLimiter m_retries{kLinesPerSecond, std::chrono::seconds(1)};
    LogRateLimiter m_deadLetters{kLinesPerSecond, std::chrono::seconds(1)};
};

} // namespace mccig::server
