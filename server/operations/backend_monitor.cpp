#include "operations/backend_monitor.h"

#include "mccig/core/thread_name.h"
#include "mccig/redis/redis_sync_connection.h"
#include "operations/database_probe.h"

#include <utility>

namespace mccig::server {

BackendMonitor::BackendMonitor(RedisEndpoint redis, std::string databaseUrl, std::chrono::milliseconds timeout)
    : m_redis(std::move(redis))
    , m_databaseUrl(std::move(databaseUrl))
    , m_timeout(timeout)
{
}

BackendMonitor::~BackendMonitor() { stop(); }

void BackendMonitor::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void BackendMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BackendMonitor::run()
{
    nameThisThread("mccig-monitor");
    RedisSyncConnection redis(m_redis, m_timeout); // both reconnect by themselves after a failure
    DatabaseProbe database(m_databaseUrl, m_timeout);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        const auto ping = redis.command({"PING"});
        m_redisState.record(ping ? Result<void>{} : Result<void>(std::unexpected(ping.error())));
        m_databaseState.record(database.check());
        lock.lock();
        m_wake.wait_for(lock, kInterval, [this] { return m_stopping; });
    }
}

} // namespace mccig::server
