#pragma once

#include "mccig/redis/redis_url.h"
#include "operations/backend_state.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace mccig::server {

// Probes Redis (PING) and PostgreSQL (SELECT 1) every kInterval on its own
// thread, for mccig_backend_up{backend} and the log lines of BackendState: an
// outage and its end show in the log of every process, whatever its role and
// whether or not traffic arrives meanwhile. start() and stop() from the
// controlling thread; redisUp()/databaseUp() from any thread.
class BackendMonitor {
public:
    static constexpr std::chrono::seconds kInterval{1};

    BackendMonitor(RedisEndpoint redis, std::string databaseUrl, std::chrono::milliseconds timeout);
    ~BackendMonitor();
    BackendMonitor(const BackendMonitor&) = delete;
    BackendMonitor& operator=(const BackendMonitor&) = delete;

    void start();
    void stop();

    bool redisUp() const { return m_redisState.up(); }
    bool databaseUp() const { return m_databaseState.up(); }

private:
    void run();

    RedisEndpoint m_redis;
    std::string m_databaseUrl;
    std::chrono::milliseconds m_timeout;
    BackendState m_redisState{"redis"};
    BackendState m_databaseState{"database"};
    std::thread m_thread;
    std::mutex m_mutex; // guards m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace mccig::server
