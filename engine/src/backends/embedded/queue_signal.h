#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace mccig::embedded {

// Wakes the workers of this process when the admission writer has committed
// new messages, so an empty queue is waited on, not polled. Any thread.
class QueueSignal {
public:
    void notify()
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_generation;
        }
        m_changed.notify_all();
    }

    // The current generation: pass it to waitPast() to wait for anything newer.
    std::uint64_t generation() const
    {
        std::lock_guard lock(m_mutex);
        return m_generation;
    }

    void waitPast(std::uint64_t seen, std::chrono::milliseconds atMost)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, atMost, [&] { return m_generation != seen; });
    }

private:
    mutable std::mutex m_mutex; // guards m_generation
    std::condition_variable m_changed;
    std::uint64_t m_generation = 0;
};

} // namespace mccig::embedded
