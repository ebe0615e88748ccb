#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mccig::server {

// A small, bounded set of threads for work that blocks (libpq calls, synchronous
// Redis reads for the admin API, readiness probes), so no I/O thread ever waits
// on a backend. Both the thread count and the queue are bounded: when the queue
// is full, submit() refuses the task and the caller answers 503 instead of
// piling up work behind a slow backend.
//
// Thread safety: submit() may be called from any thread. Tasks run on the pool's
// threads; a task that must answer an HTTP request calls its Respond, which
// hands the response back to the connection's own thread.
// A task that throws is logged and the thread goes on; a task that owes an
// answer should catch first (answerOnPool in http/pool_answer.h does).
// The destructor stops taking tasks, runs the ones already queued, and joins.
class BlockingPool {
public:
    BlockingPool(std::size_t threadCount, std::size_t queueCapacity);
    ~BlockingPool();

    BlockingPool(const BlockingPool&) = delete;
    BlockingPool& operator=(const BlockingPool&) = delete;

    // Queues `task`; false when the queue is full or the pool is stopping
    // (the task is then dropped without running).
    [[nodiscard]] bool submit(std::function<void()> task);

    // Stops taking tasks, finishes the queued ones and joins the threads. Idempotent.
    void stop();

    std::size_t threadCount() const { return m_threadCount; }
    std::size_t queueCapacity() const { return m_queueCapacity; }

private:
    void runWorker();

    const std::size_t m_threadCount;
    const std::size_t m_queueCapacity;
    std::mutex m_mutex; // guards m_tasks and m_stopping
    std::condition_variable m_wakeUp;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace mccig::server
