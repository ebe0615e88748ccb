#include "app/shutdown_watchdog.h"

#include "log/json_log.h"
#include "mccig/core/thread_name.h"

#include <cstdlib>

namespace mccig::server {

ShutdownWatchdog::ShutdownWatchdog(std::chrono::milliseconds budget)
    : m_thread([this, budget] {
        nameThisThread("mccig-shutdown");
        std::unique_lock lock(m_mutex);
        if (m_finished.wait_for(lock, budget, [this] { return m_done; }))
            return;
        logError("shutdown did not finish in time: a backend is not answering; exiting without waiting for it",
                 {{"budgetMs", budget.count()}});
        std::_Exit(0);
    })
{
}

ShutdownWatchdog::~ShutdownWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_finished.notify_one();
    m_thread.join();
}

} // namespace mccig::server
