#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace mccig::server {

// One io_context per thread, each run by exactly one thread: every object
// bound to a context (a connection, that thread's admission gate) is touched
// by one thread only and needs no locks. Connections are spread over the
// contexts by the listener.
//
// An exception escaping a handler is logged and the thread goes on.
// start(), stop() and join() are called from the controlling thread.
class IoContextPool {
public:
    explicit IoContextPool(std::size_t size);
    ~IoContextPool();
    IoContextPool(const IoContextPool&) = delete;
    IoContextPool& operator=(const IoContextPool&) = delete;

    std::size_t size() const { return m_contexts.size(); }
    boost::asio::io_context& context(std::size_t index) { return *m_contexts[index]; }
    // Round-robin over the contexts. Thread-safe.
    boost::asio::io_context& nextContext();

    // Starts one thread per context; each runs `onThreadStart(index)` first.
    void start(const std::function<void(std::size_t index)>& onThreadStart = {});
    // Makes every run() return, even with work pending.
    void stop();
    void join();

    // The index of the context the calling thread runs, or npos off the pool.
    static std::size_t currentIndex();

private:
    // Runs `context` until it stops; a handler's exception is logged, not fatal.
    static void runCatching(boost::asio::io_context& context);

    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

    std::vector<std::unique_ptr<boost::asio::io_context>> m_contexts;
    std::vector<WorkGuard> m_guards;
    std::vector<std::thread> m_threads;
    std::atomic<std::size_t> m_next{0};
};

} // namespace mccig::server
