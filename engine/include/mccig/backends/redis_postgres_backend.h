#pragma once

#include "mccig/ports/backend.h"
#include "mccig/redis/redis_url.h"

#include <chrono>
#include <string>

namespace mccig {

struct RedisPostgresSettings {
    RedisEndpoint redis;
    std::string databaseUrl;
    std::chrono::milliseconds timeout{2000}; // bound of every Redis / PostgreSQL call
};

// The Backend on Redis (queue, retries, dead letters: docs/redis-keys.md)
// and PostgreSQL (stored events). Every instance it hands out owns its own
// connection, made on first use.
class RedisPostgresBackend final : public Backend {
public:
    explicit RedisPostgresBackend(RedisPostgresSettings settings);

    std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) override;
    std::unique_ptr<EventRepository> eventRepository() override;

private:
    const RedisPostgresSettings m_settings;
};

} // namespace mccig
