#pragma once

#include "send_outcome.h"

#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

namespace mccig::sim {

// Collects the outcomes of concurrent senders, with lock-free running totals
// that the progress line reads while the senders write. Thread-safe.
class OutcomeLog {
public:
    struct Totals {
        std::size_t sent = 0;
        std::size_t accepted = 0;
        std::size_t duplicate = 0;
        std::size_t rateLimited = 0;
        std::size_t otherErrors = 0;
    };

    void record(SendOutcome outcome);
    Totals totals() const;
    // Every outcome recorded so far, in completion order.
    std::vector<SendOutcome> outcomes() const;

private:
    mutable std::mutex m_mutex; // guards m_outcomes only; the totals are atomics
    std::vector<SendOutcome> m_outcomes;
    std::atomic<std::size_t> m_sent{0};
    std::atomic<std::size_t> m_accepted{0};
    std::atomic<std::size_t> m_duplicate{0};
    std::atomic<std::size_t> m_rateLimited{0};
    std::atomic<std::size_t> m_otherErrors{0};
};

} // namespace mccig::sim
