#include "outcome_log.h"

namespace mccig::sim {

void OutcomeLog::record(SendOutcome outcome)
{
    switch (outcome.status) {
    case 202: ++m_accepted; break;
    case 200: ++m_duplicate; break;
    case 429: ++m_rateLimited; break;
    default: ++m_otherErrors; break;
    }
    ++m_sent;
    const std::lock_guard lock(m_mutex);
    m_outcomes.push_back(std::move(outcome));
}

OutcomeLog::Totals OutcomeLog::totals() const
{
    return Totals{m_sent.load(), m_accepted.load(), m_duplicate.load(), m_rateLimited.load(), m_otherErrors.load()};
}

std::vector<SendOutcome> OutcomeLog::outcomes() const
{
    const std::lock_guard lock(m_mutex);
    return m_outcomes;
}

} // namespace mccig::sim
