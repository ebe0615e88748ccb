#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>

namespace mccig::sim {

// Hands out request slots 0..total-1 at a steady rate: slot i is due at
// start + i/rate. Any number of sender threads call next(); each slot goes to
// exactly one of them, which sleeps until it is due. A sender that falls
// behind sends its late slots at once, so the offered load stays the
// requested one over the whole run (no silent slowdown). Thread-safe.
class PacedScheduler {
public:
    using Clock = std::chrono::steady_clock;

    PacedScheduler(double ratePerSecond, std::size_t total, Clock::time_point start = Clock::now());

    // The next slot, after sleeping until it is due; nothing once every slot
    // was handed out or stop() was called.
    std::optional<std::size_t> next();
    void stop();

    std::size_t total() const { return m_total; }
    Clock::time_point dueTime(std::size_t slot) const;

private:
    double m_ratePerSecond;
    std::size_t m_total;
    Clock::time_point m_start;
    std::atomic<std::size_t> m_nextSlot{0};
    std::atomic<bool> m_stopped{false};
};

} // namespace mccig::sim
