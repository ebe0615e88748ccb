#pragma once

#include "mccig/ports/webhook_secret_store.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

// The WebhookSecretStore in the Redis hash `mccig:webhooksecrets`
// (docs/redis-keys.md): field = id, value =
// {"tenant":...,"provider":...,"secret":...,"createdAt":...}. On a blocking
// connection of its own.
class RedisWebhookSecretStore final : public WebhookSecretStore {
public:
    RedisWebhookSecretStore(RedisEndpoint endpoint, std::chrono::milliseconds timeout);

    Result<void> add(const WebhookSecret& secret) override;
    Result<std::vector<WebhookSecret>> loadAll() override;
    Result<bool> remove(const std::string& id) override;

private:
    RedisSyncConnection m_redis;
};

} // namespace mccig
