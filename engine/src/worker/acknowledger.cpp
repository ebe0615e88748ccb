#include "acknowledger.h"

#include "backoff.h"
#include "mccig/core/thread_name.h"

namespace mccig {

Acknowledger::Acknowledger(std::unique_ptr<EventQueue> queue, WorkerStatus& status)
    : m_queue(std::move(queue)), m_status(status)
{
}

Acknowledger::~Acknowledger()
{
    requestStop();
    finish();
}

void Acknowledger::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] {
            nameThisThread("mccig-ack");
            run();
        });
}

void Acknowledger::submit(std::vector<std::string> entryIds)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_waiting; });
    m_waiting = std::move(entryIds);
    m_changed.notify_all();
}

void Acknowledger::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
}

void Acknowledger::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finishing = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Acknowledger::run()
{
    for (;;) {
        std::vector<std::string> entryIds;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_waiting || m_finishing; });
            if (!m_waiting)
                return;
            entryIds = std::move(*m_waiting);
            m_waiting.reset();
            m_changed.notify_all();
        }
        acknowledgeWithRetries(entryIds);
    }
}

void Acknowledger::acknowledgeWithRetries(const std::vector<std::string>& entryIds)
{
    Backoff backoff;
    for (;;) {
        auto acked = m_queue->acknowledge(entryIds);
        if (acked) {
            m_status.reportOk(WorkerStatus::Part::Queue);
            m_status.countPersisted(*acked); // what was settled here, not what was submitted
            return;
        }
        m_status.reportFailure(WorkerStatus::Part::Queue, acked.error());
        // Rejected is no outage: waiting would not help; the entries stay
        // pending and are claimed after the idle time.
        if (!isOutage(acked.error()) || !pauseUnlessStopping(backoff.current()))
            return;
        backoff.grow();
    }
}

// False at once, or as soon as a stop is requested.
bool Acknowledger::pauseUnlessStopping(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    return !m_changed.wait_for(lock, duration, [this] { return m_stopping; });
}

} // namespace mccig
