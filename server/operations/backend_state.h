#pragma once

#include "mccig/core/result.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace mccig::server {

// Whether one backend answers, as its probes find it, and the one log line
// per change: a warning when it goes down (also when it is down at start),
// an info line when it is back, saying how long it was down. Recorded by one
// probing thread; up() may be read from any thread.
class BackendState {
public:
    using Clock = std::chrono::steady_clock;

    explicit BackendState(std::string name);

    void record(const Result<void>& probe, Clock::time_point now = Clock::now());
    bool up() const { return m_up.load(std::memory_order_relaxed); }
    const std::string& name() const { return m_name; }

private:
    std::string m_name;
    std::atomic<bool> m_up{false};
    bool m_known = false;
    Clock::time_point m_downSince{};
};

} // namespace mccig::server
