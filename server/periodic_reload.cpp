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
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PeriodicReload::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        // Not held while the store answers, so stop() never waits behind a slow reload.
        lock.unlock();
        m_reload();
        lock.lock();
    }
}

} // namespace mccig::server
