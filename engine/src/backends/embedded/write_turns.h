#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace mccig::embedded {

// How a connection's transactions queue for the write lock.
enum class TurnPriority {
    Normal, // in arrival order
    Urgent, // ahead of the waiting Normal writers, but never twice in a row while one waits
};

// The order in which this process's connections take SQLite's one write lock.
// Without it, a connection that finds the lock held sleeps in SQLite's busy
// handler (1, 2, 5 … 100 ms, polling), so the admission writer could sleep
// far past the end of a worker transaction, or lose the lock to the worker's
// next one: hundreds of milliseconds of tail latency. Waiting here, it wakes
// as the holder finishes. Normal writers go first come, first served; the
// admission writer is Urgent, so it waits for the write in progress but not
// for the worker's writes queued behind it, and after each of its turns the
// longest-waiting Normal writer goes, so neither side starves.
// Any thread; one data dir has one process (DataDir), so every writer of the
// database waits here, and SQLite's own lock is then never contended.
class WriteTurns {
public:
    void lock(TurnPriority priority)
    {
        std::unique_lock guard(m_mutex);
        if (priority == TurnPriority::Urgent) {
            ++m_urgentWaiting;
            m_changed.wait(guard, [&] { return !m_held && (!m_lastWasUrgent || m_serving == m_next); });
            --m_urgentWaiting;
        } else {
            const std::uint64_t ticket = m_next++;
            m_changed.wait(guard, [&] {
                return !m_held && m_serving == ticket && (m_urgentWaiting == 0 || m_lastWasUrgent);
            });
            ++m_serving;
        }
        m_held = true;
        m_lastWasUrgent = priority == TurnPriority::Urgent;
    }

    void unlock()
    {
        {
            std::lock_guard guard(m_mutex);
            m_held = false;
        }
        m_changed.notify_all();
    }

    // Writers waiting for a turn now (for diagnostics and tests).
    int waiting() const
    {
        std::lock_guard guard(m_mutex);
        return static_cast<int>(m_next - m_serving) + m_urgentWaiting;
    }

private:
    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    std::uint64_t m_next = 0;    // the next Normal ticket
    std::uint64_t m_serving = 0; // the Normal ticket whose turn is next
    int m_urgentWaiting = 0;
    bool m_held = false;
    bool m_lastWasUrgent = false;
};

// One turn, held for a scope; no turn at all without WriteTurns.
class WriteTurn {
public:
    WriteTurn(WriteTurns* turns, TurnPriority priority) : m_turns(turns)
    {
        if (m_turns)
            m_turns->lock(priority);
    }
    ~WriteTurn()
    {
        if (m_turns)
            m_turns->unlock();
    }
    WriteTurn(const WriteTurn&) = delete;
    WriteTurn& operator=(const WriteTurn&) = delete;

private:
    WriteTurns* m_turns;
};

} // namespace mccig::embedded
