#include "periodic_reload.h"

#include "mccig/core/thread_name.h"

#include <utility>

namespace mccig::server {

PeriodicReload::PeriodicReload(std::string threadName, std::chrono::milliseconds interval,
                               std::function<void()> reload)
    : m_threadName(std::move(threadName))
    , m_interval(interval)
    , m_reload(std::move(reload))
{
}

PeriodicReload::~PeriodicReload() { stop(); }

void PeriodicReload::start()
{
    m_reload();
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
    }
    m_thread = std::thread([this] {
        nameThisThread(m_threadName);
        run();
    });
}

void PeriodicReload::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_running = false;
    }
    m_wake.notify_all();
    m_reloaded.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PeriodicReload::reloadNow()
{
    std::unique_lock lock(m_mutex);
    const auto ticket = ++m_requested;
    m_wake.notify_all();
    m_reloaded.wait(lock, [&] { return m_finished >= ticket || !m_running; });
}

void PeriodicReload::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping || m_requested > m_begun; });
        if (m_stopping)
            return;
        m_begun = m_requested;
        // Not held while the store answers, so stop() never waits behind a slow reload.
        lock.unlock();
        m_reload();
        lock.lock();
        m_finished = m_begun;
        m_reloaded.notify_all();
    }
}

} // namespace mccig::server
