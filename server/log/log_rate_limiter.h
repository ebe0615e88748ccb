#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

namespace mccig::server {

// Bounds how many lines of one kind reach the log, so a storm (every message
// of a backlog failing at once) cannot flood it: at most `perInterval` lines
// per interval. What it holds back is counted and reported with the next line
// it lets through. Not thread-safe: the owner serialises calls.
class LogRateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    LogRateLimiter(std::size_t perInterval, Clock::duration interval);

    // Nothing: drop this line. Otherwise write it, noting the returned number
    // of lines dropped since the last one written (when not 0).
    std::optional<std::size_t> admit(Clock::time_point now = Clock::now());

private:
    std::size_t m_perInterval;
    Clock::duration m_interval;
    Clock::time_point m_windowStart{};
    std::size_t m_writtenInWindow = 0;
    std::size_t m_suppressed = 0;
};

} // namespace mccig::server
