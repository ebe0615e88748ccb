#include "log/log_rate_limiter.h"

namespace mccig::server {

LogRateLimiter::LogRateLimiter(std::size_t perInterval, Clock::duration interval)
    : m_perInterval(perInterval)
    , m_interval(interval)
{
}

std::optional<std::size_t> LogRateLimiter::admit(Clock::time_point now)
{
    if (now - m_windowStart >= m_interval) {
        m_windowStart = now;
        m_writtenInWindow = 0;
    }
    if (m_writtenInWindow >= m_perInterval) {
        ++m_suppressed;
        return std::nullopt;
    }
    ++m_writtenInWindow;
    const std::size_t suppressed = m_suppressed;
    m_suppressed = 0;
    return suppressed;
}

} // namespace mccig::server
