#pragma once

#include "acknowledger.h"
#include "backoff.h"
#include "batch_settler.h"
#include "mccig/ports/backend.h"
#include "worker_status.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace mccig {

// The body of a worker: a fetch thread, two settle threads and the
// Acknowledger's thread, each with its own port instances from the Backend.
// The fetch thread claims abandoned messages and removes dead consumers now
// and then, releases due retries and reads the next batch; each settle
// thread takes the next batch read and stores it on its own connection, so
// two stores overlap (docs/decisions/0005); the Acknowledger acknowledges
// what either committed. At most one batch read waits for a settle thread.
// On an outage a settle thread waits with backoff and tries the same batch
// again. run() returns after requestStop(), once every batch taken is
// settled (or left pending, for another worker to claim, while a backend is
// down).
class WorkerLoop {
public:
    WorkerLoop(Backend& backend, const WorkerSettings& settings, const std::string& consumerName);

    void run();                 // on a settle thread; starts and joins the others
    void requestStop();         // from any thread
    const WorkerStatus& status() const { return m_status; }

private:
    void fetchLoop();
    std::vector<QueuedMessage> nextBatch(Backoff& backoff);
    void settleLoop(BatchSettler& settler);
    std::optional<std::vector<QueuedMessage>> takeBatch();
    void settleBatch(BatchSettler& settler, std::vector<QueuedMessage>& batch);
    void removeDeadConsumers();
    void pause(std::chrono::milliseconds duration);
    void connectBackends();

    const WorkerSettings& m_settings;
    WorkerStatus m_status;
    std::unique_ptr<EventQueue> m_fetchQueue; // fetch thread only (same consumer name as the others)
    Acknowledger m_acknowledger;
    std::vector<std::unique_ptr<BatchSettler>> m_settlers;     // one per settle thread
    std::chrono::steady_clock::time_point m_nextClaim;         // fetch thread only
    std::chrono::steady_clock::time_point m_nextConsumerSweep; // fetch thread only

    std::mutex m_mutex; // guards m_stopping, m_fetched, m_fetchDone
    std::condition_variable m_changed;
    bool m_stopping = false;
    bool m_fetchDone = false;
    std::optional<std::vector<QueuedMessage>> m_fetched;
};

} // namespace mccig
