#pragma once

#include "mccig/queue/redis_event_queue.h"
#include "mccig/worker/worker_service.h"
#include "worker_status.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace mccig {

// Acknowledges stored messages (XACK, then XTRIM) on its own thread and Redis
// connection, so the settle threads copy their next batches into PostgreSQL
// meanwhile instead of waiting for Redis. One list of ids is acknowledged
// while at most one more waits; submit() blocks beyond that, which bounds
// how far storing runs ahead.
//
// The rows are committed before their ids arrive here, so a Redis outage
// only delays the acknowledgement: it is retried with backoff. Once stopping,
// a failed acknowledgement is given up: the entries stay pending, another
// worker claims them, finds the rows stored and acknowledges them.
// Counts `persisted` when an acknowledgement succeeds: the entries it settled.
class Acknowledger {
public:
    Acknowledger(const WorkerSettings& settings, const std::string& consumerName, WorkerStatus& status);
    ~Acknowledger();
    Acknowledger(const Acknowledger&) = delete;
    Acknowledger& operator=(const Acknowledger&) = delete;

    void start();                                  // controlling thread
    void submit(std::vector<std::string> entryIds); // any settle thread
    void requestStop();                            // any thread: give up on failures from now on
    void finish();                                 // after the last submit(): acknowledges what was submitted, joins

private:
    void run();
    void acknowledgeWithRetries(const std::vector<std::string>& entryIds);
    bool pauseUnlessStopping(std::chrono::milliseconds duration);

    RedisEventQueue m_queue; // the acknowledging thread only
    WorkerStatus& m_status;
    std::thread m_thread;

    std::mutex m_mutex; // guards m_waiting, m_finishing, m_stopping
    std::condition_variable m_changed;
    std::optional<std::vector<std::string>> m_waiting;
    bool m_finishing = false;
    bool m_stopping = false;
};

} // namespace mccig
