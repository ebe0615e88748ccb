#include "operations/backend_monitor.h"

#include "mccig/core/thread_name.h"

namespace mccig::server {

BackendMonitor::BackendMonitor(Backend& backend)
    : m_backend(backend)
{
}

BackendMonitor::~BackendMonitor() { stop(); }

void BackendMonitor::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void BackendMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::vector<std::pair<std::string, bool>> BackendMonitor::states() const
{
    std::lock_guard lock(m_statesMutex);
    std::vector<std::pair<std::string, bool>> states;
    for (const auto& state : m_states)
        states.emplace_back(state.name(), state.up());
    return states;
}

BackendState& BackendMonitor::stateOf(const std::string& name)
{
    std::lock_guard lock(m_statesMutex);
    for (auto& state : m_states)
        if (state.name() == name)
            return state;
    return m_states.emplace_back(name);
}

void BackendMonitor::run()
{
    nameThisThread("mccig-monitor");
    const auto probe = m_backend.healthProbe(); // its connections reconnect by themselves after a failure
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        for (const auto& component : probe->check())
            stateOf(component.name).record(component.outcome);
        lock.lock();
        m_wake.wait_for(lock, kInterval, [this] { return m_stopping; });
    }
}

} // namespace mccig::server
