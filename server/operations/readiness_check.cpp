#include "operations/readiness_check.h"

#include <utility>

namespace mccig::server {
namespace {

std::string describe(const Result<void>& outcome)
{
    return outcome ? std::string("ok") : "down: " + outcome.error().message;
}

} // namespace

ReadinessCheck::ReadinessCheck(Respond respond)
    : m_respond(std::move(respond))
{
}

void ReadinessCheck::setRedis(const Result<void>& outcome)
{
    std::unique_lock lock(m_mutex);
    m_redis = describe(outcome);
    respondIfComplete(lock);
}

void ReadinessCheck::setDatabase(const Result<void>& outcome)
{
    std::unique_lock lock(m_mutex);
    m_database = describe(outcome);
    respondIfComplete(lock);
}

void ReadinessCheck::respondIfComplete(std::unique_lock<std::mutex>& lock)
{
    if (!m_redis || !m_database || !m_respond)
        return;
    const bool ready = *m_redis == "ok" && *m_database == "ok";
    auto response = jsonResponse(ready ? 200 : 503, nlohmann::json{
                                                        {"status", ready ? "ready" : "unready"},
                                                        {"checks", {{"redis", *m_redis}, {"database", *m_database}}},
                                                    });
    Respond respond = std::move(m_respond);
    m_respond = nullptr;
    lock.unlock(); // the response travels on without the lock held
    respond(std::move(response));
}

} // namespace mccig::server
