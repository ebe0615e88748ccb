#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/worker/worker_service.h"
#include "worker_status.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace mccig {

// Acknowledges stored messages on its own thread and queue instance (on
// Redis: XACK, then XTRIM), so the settle threads store their next batches
// meanwhile instead of waiting for the queue. One list of ids is acknowledged
// while at most one more waits; submit() blocks beyond that, which bounds
// how far storing runs ahead.
//
// The rows are committed before their ids arrive here, so a queue outage
// only delays the acknowledgement: it is retried with backoff. Once stopping,
// a failed acknowledgement is given up: the entries stay pending, another
// worker claims them, finds the rows stored and acknowledges them.
// Counts `persisted` when an acknowledgement succeeds: the entries it settled.
class Acknowledger {
public:
    Acknowledger(std::unique_ptr<EventQueue> queue, WorkerStatus& status);
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

    std::unique_ptr<EventQueue> m_queue; // the acknowledging thread only
    WorkerStatus& m_status;
    std::thread m_thread;

    std::mutex m_mutex; // guards m_waiting, m_finishing, m_stopping
    std::condition_variable m_changed;
    std::optional<std::vector<std::string>> m_waiting;
    bool m_finishing = false;
    bool m_stopping = false;
};

} // namespace mccig
