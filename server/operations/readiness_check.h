#pragma once

#include "http/http_message.h"
#include "mccig/core/result.h"

#include <mutex>
#include <optional>
#include <string>

namespace mccig::server {

// Gathers the answers of the backend probes of one GET /readyz, which arrive
// on different threads, and responds once both are in: 200 {"status":"ready"}
// or 503 {"status":"unready"}, each with {"checks":{"redis","database"}}.
// Shared by the probes' callbacks (hold it in a shared_ptr); thread-safe.
class ReadinessCheck {
public:
    explicit ReadinessCheck(Respond respond);

    void setRedis(const Result<void>& outcome);
    void setDatabase(const Result<void>& outcome);

private:
    void respondIfComplete(std::unique_lock<std::mutex>& lock);

    std::mutex m_mutex; // guards the two results and m_respond
    std::optional<std::string> m_redis;
    std::optional<std::string> m_database;
    Respond m_respond;
};

} // namespace mccig::server
