#include "mccig/backends/redis_postgres_backend.h"

#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"

namespace mccig {

RedisPostgresBackend::RedisPostgresBackend(RedisPostgresSettings settings) : m_settings(std::move(settings)) {}

std::unique_ptr<EventQueue> RedisPostgresBackend::eventQueue(const std::string& consumerName)
{
    return std::make_unique<RedisEventQueue>(m_settings.redis, m_settings.timeout, consumerName);
}

std::unique_ptr<EventRepository> RedisPostgresBackend::eventRepository()
{
    return std::make_unique<PostgresEventRepository>(m_settings.databaseUrl, m_settings.timeout);
}

} // namespace mccig
