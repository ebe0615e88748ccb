#include "operations/readiness_probe.h"

#include "operations/readiness_check.h"

#include <memory>
#include <utility>

namespace mccig::server {

ReadinessProbe::ReadinessProbe(std::function<AdmissionGate&()> currentGate, std::string databaseUrl,
                               std::chrono::milliseconds timeout, std::chrono::milliseconds maxAge)
    : m_currentGate(std::move(currentGate))
    , m_maxAge(maxAge)
    , m_database(std::move(databaseUrl), timeout)
{
}

void ReadinessProbe::answer(Respond respond)
{
    std::unique_lock lock(m_mutex);
    if (m_last && std::chrono::steady_clock::now() - m_lastAt < m_maxAge) {
        HttpResponse response = *m_last;
        lock.unlock();
        respond(std::move(response));
        return;
    }
    m_waiting.push_back(std::move(respond));
    if (m_probing)
        return;
    m_probing = true;
    lock.unlock();
    startProbe();
}

void ReadinessProbe::startProbe()
{
    auto check = std::make_shared<ReadinessCheck>([this](HttpResponse response) { finish(response); });
    m_currentGate().checkReady([check](Result<void> outcome) { check->setRedis(outcome); });
    const bool queued = m_pool.submit([this, check] { check->setDatabase(m_database.check()); });
    if (!queued)
        check->setDatabase(failure(ErrorKind::Unavailable, "the database probe could not start"));
}

void ReadinessProbe::finish(const HttpResponse& response)
{
    std::vector<Respond> waiting;
    {
        std::lock_guard lock(m_mutex);
        m_last = response;
        m_lastAt = std::chrono::steady_clock::now();
        m_probing = false;
        waiting.swap(m_waiting);
    }
    for (auto& respond : waiting)
        respond(response);
}

} // namespace mccig::server
