#include "operations/readiness_probe.h"

#include <utility>

namespace mccig::server {
namespace {

HttpResponse readinessResponse(const std::vector<ComponentHealth>& components, ReadinessNeeds needs)
{
    bool ready = true;
    nlohmann::json checks = nlohmann::json::object();
    for (const auto& component : components) {
        const bool needed = (needs.admit && component.neededToAdmit) || (needs.store && component.neededToStore);
        ready = ready && (component.outcome || !needed);
        checks[component.name] = component.outcome ? std::string("ok") : "down: " + component.outcome.error().message;
    }
    return jsonResponse(ready ? 200 : 503, {{"status", ready ? "ready" : "unready"}, {"checks", checks}});
}

} // namespace

ReadinessProbe::ReadinessProbe(Backend& backend, ReadinessNeeds needs, std::chrono::milliseconds maxAge)
    : m_needs(needs)
    , m_maxAge(maxAge)
    , m_probe(backend.healthProbe())
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
    if (!m_pool.submit([this] { probe(); }))
        finish(readinessResponse({{"backend", true, true, failure(ErrorKind::Unavailable, "the probe could not start")}},
                                 m_needs));
}

void ReadinessProbe::probe() { finish(readinessResponse(m_probe->check(), m_needs)); }

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
