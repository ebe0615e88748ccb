#pragma once

#include "mccig/core/result.h"
#include "mccig/worker/worker_service.h"

#include <array>
#include <atomic>
#include <mutex>

namespace mccig {

// The health and counters a worker loop publishes, read from any thread.
class WorkerStatus {
public:
    // Which port a report is about.
    enum class Part {
        Queue,
        Store,
    };

    void reportOk(Part part);
    void reportFailure(Part part, const Error& error);
    WorkerHealth health() const;

    void countBatch(std::size_t size);
    void countPersisted(std::size_t count);
    void countRetried();
    void countDeadLettered();
    WorkerCounters counters() const;

private:
    mutable std::mutex m_mutex; // guards m_health
    WorkerHealth m_health;
    std::atomic<long long> m_persisted{0};
    std::atomic<long long> m_retried{0};
    std::atomic<long long> m_deadLettered{0};
    std::atomic<long long> m_batches{0};
    std::atomic<long long> m_batchSizeSum{0};
    std::array<std::atomic<long long>, WorkerCounters::kBatchSizeBounds.size() + 1> m_batchSizeBuckets{};
};

} // namespace mccig
