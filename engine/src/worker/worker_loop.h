#pragma once

#include "acknowledger.h"
#include "batch_processor.h"
#include "mccig/postgres/event_row_writer.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "worker_status.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace mccig {

// The body of a worker: three threads. The fetch thread claims abandoned
// messages now and then, releases due retries, reads the next batch and
// writes its rows while the settle thread stores the previous one and the
// Acknowledger's thread acknowledges the one before, so Redis and PostgreSQL
// work at the same time; at most one batch waits between two stages. On an outage the
// settle thread waits with backoff and tries the same batch again.
// run() returns after requestStop(), once every batch taken is settled (or
// left pending, for another worker to claim, while a backend is down).
class WorkerLoop {
public:
    WorkerLoop(const WorkerSettings& settings, std::string consumerName);

    void run();                 // on the settle thread; starts and joins the other two
    void requestStop();         // from any thread
    const WorkerStatus& status() const { return m_status; }

private:
    void fetchLoop();
    std::vector<BatchMessage> nextBatch(std::chrono::milliseconds& backoff);
    std::optional<std::vector<BatchMessage>> takeBatch();
    void settleBatch(std::vector<BatchMessage>& batch);
    void pause(std::chrono::milliseconds duration);
    void connectBackends();

    const WorkerSettings& m_settings;
    WorkerStatus m_status;
    RedisEventQueue m_settleQueue;  // settle thread only
    RedisEventQueue m_fetchQueue;   // fetch thread only (same consumer name)
    PostgresEventRepository m_repository;
    Acknowledger m_acknowledger;
    std::mt19937_64 m_random;
    BatchProcessor m_processor;
    EventRowWriter m_rowWriter; // fetch thread only
    std::chrono::steady_clock::time_point m_nextClaim; // fetch thread only

    std::mutex m_mutex; // guards m_stopping, m_fetched, m_fetchDone
    std::condition_variable m_changed;
    bool m_stopping = false;
    bool m_fetchDone = false;
    std::optional<std::vector<BatchMessage>> m_fetched;
};

} // namespace mccig
