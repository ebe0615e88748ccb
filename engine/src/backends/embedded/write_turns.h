#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace mccig::embedded {

// The order in which this process's connections take SQLite's one write lock:
// first come, first served. Without it, a connection that finds the lock
// held sleeps in SQLite's busy handler (1, 2, 5 … 100 ms, polling), so the
// admission writer could sleep far past the end of a worker transaction, or
// lose the lock to the worker's next one: hundreds of milliseconds of tail
// latency. Waiting here, it wakes as the holder finishes and goes next.
// Any thread; one data dir has one process (DataDir), so every writer of the
// database waits here, and SQLite's own lock is then never contended.
class WriteTurns {
public:
    void lock()
    {
        std::unique_lock guard(m_mutex);
        const std::uint64_t ticket = m_next++;
        m_turnChanged.wait(guard, [&] { return m_serving == ticket; });
    }

    void unlock()
    {
        {
            std::lock_guard guard(m_mutex);
            ++m_serving;
        }
        m_turnChanged.notify_all();
    }

private:
    std::mutex m_mutex; // guards the two counters
    std::condition_variable m_turnChanged;
    std::uint64_t m_next = 0;
    std::uint64_t m_serving = 0;
};

} // namespace mccig::embedded
