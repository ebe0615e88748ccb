#pragma once

#include "mccig/ports/backend.h"
#include "operations/backend_state.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace mccig::server {

// Probes every part of the backend (HealthProbe) every kInterval on its own
// thread, for mccig_backend_up{backend} and the log lines of BackendState: an
// outage and its end show in the log of every process, whatever its role and
// whether or not traffic arrives meanwhile. start() and stop() from the
// controlling thread; states() from any thread.
class BackendMonitor {
public:
    static constexpr std::chrono::seconds kInterval{1};

    // `backend` must outlive the monitor.
    explicit BackendMonitor(Backend& backend);
    ~BackendMonitor();
    BackendMonitor(const BackendMonitor&) = delete;
    BackendMonitor& operator=(const BackendMonitor&) = delete;

    void start();
    void stop();

    // Each part's name and whether it answered its last probe; empty before the first.
    std::vector<std::pair<std::string, bool>> states() const;

private:
    void run();
    BackendState& stateOf(const std::string& name);

    Backend& m_backend;
    mutable std::mutex m_statesMutex; // guards m_states' list (each state is itself thread-safe to read)
    std::deque<BackendState> m_states; // a deque: growing it never moves a state
    std::thread m_thread;
    std::mutex m_mutex; // guards m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace mccig::server
