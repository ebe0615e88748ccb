#include "worker_status.h"

namespace mccig {

void WorkerStatus::reportOk(Part part)
{
    std::lock_guard lock(m_mutex);
    (part == Part::Queue ? m_health.queueOk : m_health.storeOk) = true;
}

void WorkerStatus::reportFailure(Part part, const Error& error)
{
    std::lock_guard lock(m_mutex);
    (part == Part::Queue ? m_health.queueOk : m_health.storeOk) = false;
    m_health.lastError = error.message;
}

WorkerHealth WorkerStatus::health() const
{
    std::lock_guard lock(m_mutex);
    return m_health;
}

void WorkerStatus::countBatch(std::size_t size)
{
    ++m_batches;
    m_batchSizeSum += static_cast<long long>(size);
    std::size_t bucket = 0;
    while (bucket < WorkerCounters::kBatchSizeBounds.size()
           && static_cast<long long>(size) > WorkerCounters::kBatchSizeBounds[bucket])
        ++bucket;
    ++m_batchSizeBuckets[bucket];
}

void WorkerStatus::countPersisted(std::size_t count) { m_persisted += static_cast<long long>(count); }
void WorkerStatus::countRetried() { ++m_retried; }
void WorkerStatus::countDeadLettered() { ++m_deadLettered; }

WorkerCounters WorkerStatus::counters() const
{
    WorkerCounters counters;
    counters.persisted = m_persisted;
    counters.retried = m_retried;
    counters.deadLettered = m_deadLettered;
    counters.failed = counters.retried + counters.deadLettered;
    counters.batches = m_batches;
    counters.batchSizeSum = m_batchSizeSum;
    for (std::size_t i = 0; i < m_batchSizeBuckets.size(); ++i)
        counters.batchSizeBuckets[i] = m_batchSizeBuckets[i];
    return counters;
}

} // namespace mccig
