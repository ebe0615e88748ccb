#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace mccig::server {

// Runs `reload` once at start() on the calling thread, then every interval on
// a thread of its own, so what it loads (stored API keys, webhook secrets) is
// ready from the first request and kept in step without the I/O threads ever
// waiting for a store.
//
// Started and stopped by one controlling thread; `reload` runs on one thread
// at a time.
class PeriodicReload {
public:
    PeriodicReload(std::string threadName, std::chrono::milliseconds interval, std::function<void()> reload);
    ~PeriodicReload();
    PeriodicReload(const PeriodicReload&) = delete;
    PeriodicReload& operator=(const PeriodicReload&) = delete;

    void start();
    // Wakes the thread and joins it. Idempotent.
    void stop();
    // Reloads now, on the reload thread, and returns once a reload that began
    // after this call has finished, so a change this process itself just
    // stored is in use when its caller answers. Any thread may call it; it
    // returns at once when the reload thread is not running.
    void reloadNow();

private:
    void run();

    const std::string m_threadName;
    const std::chrono::milliseconds m_interval;
    const std::function<void()> m_reload;
    std::mutex m_mutex; // guards what follows; m_wake and m_reloaded wait on it
    std::condition_variable m_wake;
    std::condition_variable m_reloaded;
    bool m_running = false;
    bool m_stopping = false;
    std::uint64_t m_requested = 0; // reloadNow() calls so far
    std::uint64_t m_begun = 0;     // m_requested when the last reload began
    std::uint64_t m_finished = 0;  // m_requested when the last finished reload began
    std::thread m_thread;
};

} // namespace mccig::server
