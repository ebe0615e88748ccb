#include "operations/backend_state.h"

#include "log/json_log.h"

#include <cmath>
#include <utility>

namespace mccig::server {

BackendState::BackendState(std::string name)
    : m_name(std::move(name))
{
}

void BackendState::record(const Result<void>& probe, Clock::time_point now)
{
    const bool wasUp = m_up.load(std::memory_order_relaxed);
    const bool known = std::exchange(m_known, true);
    m_up.store(probe.has_value(), std::memory_order_relaxed);
    if (!probe && (wasUp || !known)) {
        m_downSince = now;
        logWarning("backend down", {{"backend", m_name}, {"error", probe.error().message}});
    } else if (probe && !wasUp && known) {
        const double seconds = std::chrono::duration<double>(now - m_downSince).count();
        logInfo("backend up", {{"backend", m_name}, {"downForSeconds", std::round(seconds * 10) / 10}});
    }
}

} // namespace mccig::server
