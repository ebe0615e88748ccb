#pragma once

#include <chrono>
#include <condition_variable>
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

private:
    void run();

    const std::string m_threadName;
    const std::chrono::milliseconds m_interval;
    const std::function<void()> m_reload;
    std::mutex m_mutex; // guards m_stopping; m_wake waits on it
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace mccig::server
