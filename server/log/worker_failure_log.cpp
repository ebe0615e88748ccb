#include "log/worker_failure_log.h"

#include "log/json_log.h"

namespace mccig::server {

void WorkerFailureLog::record(const WorkerFailure& failure)
{
    std::optional<std::size_t> suppressed;
    {
        std::lock_guard lock(m_mutex);
        suppressed = (failure.deadLettered ? m_deadLetters : m_retries).admit();
    }
    if (!suppressed)
        return;
    nlohmann::json fields{{"eventId", failure.eventId}, {"attempts", failure.attempts}, {"error", failure.error}};
    if (*suppressed > 0)
        fields["suppressed"] = *suppressed;
    if (failure.deadLettered) {
        logError("event moved to the dead-letter queue", fields);
    } else {
        fields["retryInMs"] = failure.retryIn.count();
        logWarning("event failed, retrying", fields);
    }
}

} // namespace mccig::server
