#include "paced_scheduler.h"

#include <thread>

namespace mccig::sim {

PacedScheduler::PacedScheduler(double ratePerSecond, std::size_t total, Clock::time_point start)
    : m_ratePerSecond(ratePerSecond)
    , m_total(total)
    , m_start(start)
{
}

PacedScheduler::Clock::time_point PacedScheduler::dueTime(std::size_t slot) const
{
    const std::chrono::duration<double> offset(static_cast<double>(slot) / m_ratePerSecond);
    return m_start + std::chrono::duration_cast<Clock::duration>(offset);
}

std::optional<std::size_t> PacedScheduler::next()
{
    if (m_stopped.load())
        return std::nullopt;
    const std::size_t slot = m_nextSlot.fetch_add(1);
    if (slot >= m_total)
        return std::nullopt;
    std::this_thread::sleep_until(dueTime(slot));
    if (m_stopped.load())
        return std::nullopt;
    return slot;
}

void PacedScheduler::stop()
{
    m_stopped.store(true);
}

} // namespace mccig::sim
