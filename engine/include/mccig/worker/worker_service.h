#pragma once

#include "mccig/ports/backend.h"

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace mccig {

class WorkerLoop;

// One failed attempt the worker has settled: retried later or dead-lettered.
struct WorkerFailure {
    std::string eventId; // the stream entry id when the entry had no readable event
    int attempts = 0;    // attempts spent, this one included
    std::string error;
    bool deadLettered = false;
    std::chrono::milliseconds retryIn{0}; // when retried
};

struct WorkerSettings {
    int maxAttempts = 5;                                 // failed attempts before the DLQ
    std::chrono::milliseconds retryBase{500};            // first retry delay, doubling, capped at 60 s
    std::chrono::milliseconds claimIdle{30000};          // take over messages a dead worker held this long
    std::chrono::milliseconds deadConsumerIdle{3600000}; // remove group consumers idle this long holding nothing
    bool simulationMode = false;                         // fail events with metadata.simulateFailure == true
    // Told of every failure the worker settles, on a worker thread; may be empty.
    std::function<void(const WorkerFailure&)> onFailure;
};

// Whether the worker can reach its backends right now (for /readyz).
struct WorkerHealth {
    bool queueOk = false; // the EventQueue answered its latest call
    bool storeOk = false; // the EventRepository answered its latest call
    std::string lastError; // the latest backend error, empty when none
};

// Running totals since start (for /metrics: mccig_worker_events_total{outcome}).
struct WorkerCounters {
    // Upper bounds of the batch-size histogram's buckets (a batch is at most 5000).
    static constexpr std::array<long long, 8> kBatchSizeBounds{1, 10, 50, 100, 500, 1000, 2500, 5000};

    long long persisted = 0;    // messages stored and acknowledged
    long long retried = 0;      // failed attempts scheduled for another try
    long long deadLettered = 0; // messages moved to the dead-letter queue
    long long failed = 0;       // failed attempts (retried + deadLettered)
    long long batches = 0;      // batches taken from the queue
    long long batchSizeSum = 0; // messages in those batches (average = sum / batches)
    // Batches by size: [i] counts sizes <= kBatchSizeBounds[i] and above the
    // bound before; the last counts the rest. Not cumulative.
    std::array<long long, kBatchSizeBounds.size() + 1> batchSizeBuckets{};
};

// The queue consumer, written against the Backend's ports: takes batches of
// up to 5000 from the EventQueue (consumer HOST-PID-N), stores each with
// EventRepository::storeQueued (on PostgreSQL: one COPY) and acknowledges
// only after the commit. Four threads, each with its own port instances: one
// reads the next batch while two others store one batch each, and the fourth
// acknowledges what they committed (bench/drain/README.md has
// the figures). Failed messages are retried with exponential backoff and
// dead-lettered after maxAttempts; a database or Redis outage costs no
// attempts: the batch stays pending while the worker waits and reconnects.
// Any number of workers, on any machines, share the group; consumers of it
// that are idle for deadConsumerIdle and hold nothing are removed.
//
// start() and stop() are called from one controlling thread; health() and
// counters() from any thread.
class WorkerService {
public:
    // Shares `backend` with the rest of the process.
    WorkerService(std::shared_ptr<Backend> backend, WorkerSettings settings);
    ~WorkerService(); // stops
    WorkerService(const WorkerService&) = delete;
    WorkerService& operator=(const WorkerService&) = delete;

    // Starts the loop thread. Calling it twice is harmless.
    void start();
    // Finishes the batches in hand (unless the database is down: then they are
    // left pending for another worker), then joins the threads.
    void stop();

    WorkerHealth health() const;
    WorkerCounters counters() const;

    // This worker's consumer name in the group.
    const std::string& consumerName() const { return m_consumerName; }

private:
    std::shared_ptr<Backend> m_backend;
    WorkerSettings m_settings;
    std::string m_consumerName;
    std::unique_ptr<WorkerLoop> m_loop;
    std::thread m_thread;
};

} // namespace mccig
