#pragma once

#include "batch_processor.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "worker_status.h"

#include <condition_variable>
#include <mutex>
#include <random>

namespace mccig {

// The body of a worker thread: claim abandoned messages now and then, release
// due retries, read a batch, settle it; on an outage, wait with backoff and
// try the same batch again. run() returns after requestStop(), once the
// batch in hand is settled (or left pending when a backend is down).
class WorkerLoop {
public:
    WorkerLoop(const WorkerSettings& settings, std::string consumerName);

    void run();                 // on the worker thread
    void requestStop();         // from any thread
    const WorkerStatus& status() const { return m_status; }

private:
    std::vector<QueuedMessage> nextBatch();
    void settleBatch(std::vector<QueuedMessage>& batch);
    bool stopRequested();
    void pause(std::chrono::milliseconds duration);
    void backOff();
    void recovered();

    const WorkerSettings& m_settings;
    WorkerStatus m_status;
    RedisEventQueue m_queue;
    PostgresEventRepository m_repository;
    std::mt19937_64 m_random;
    BatchProcessor m_processor;
    std::chrono::steady_clock::time_point m_nextClaim;
    std::chrono::milliseconds m_backoff;

    std::mutex m_stopMutex; // guards m_stopping
    std::condition_variable m_stopSignal;
    bool m_stopping = false;
};

} // namespace mccig
