#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace mccig::server {

// Bounds a shutdown: if the watchdog still stands `budget` after it was made,
// a thread of its own ("mccig-shutdown") logs why and ends the process with
// exit code 0. A backend that stopped answering (a frozen Redis or database)
// would otherwise hold the exit for a few backend timeouts, past the 10 s
// that SIGTERM promises (API.md §1). What such an exit skips is what a kill
// would: the last counter flush, answers still waiting on the backend. Every
// 202 already sent is durable. Destroying the watchdog stands it down.
class ShutdownWatchdog {
public:
    explicit ShutdownWatchdog(std::chrono::milliseconds budget);
    ~ShutdownWatchdog();
    ShutdownWatchdog(const ShutdownWatchdog&) = delete;
    ShutdownWatchdog& operator=(const ShutdownWatchdog&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_finished;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace mccig::server
