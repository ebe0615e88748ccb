#pragma once

#include "mccig/ports/api_key_store.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

// The ApiKeyStore in the Redis hash `mccig:apikeys` (docs/redis-keys.md):
// field = digest as lowercase hex, value = {"tenant":...,"createdAt":...}.
// On a blocking connection of its own.
class RedisApiKeyStore final : public ApiKeyStore {
public:
    RedisApiKeyStore(RedisEndpoint endpoint, std::chrono::milliseconds timeout);

    Result<void> add(const StoredApiKey& key) override;
    Result<std::vector<StoredApiKey>> list() override;
    Result<bool> remove(const SecretDigest& digest) override;

private:
    RedisSyncConnection m_redis;
};

} // namespace mccig
