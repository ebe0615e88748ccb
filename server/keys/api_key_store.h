#pragma once

#include "mccig/core/result.h"
#include "mccig/core/secret_digest.h"
#include "mccig/redis/redis_sync_connection.h"

#include <string>
#include <vector>

namespace mccig::server {

// One API key kept in Redis: never the key, only its digest.
struct StoredApiKey {
    SecretDigest digest{};
    std::string tenantId;
    std::string createdAt; // RFC 3339, UTC (formatUtc)
};

// The API keys managed with `mccig-server keys ...`, in the Redis hash
// `mccig:apikeys` (docs/redis-keys.md): field = digest as lowercase hex,
// value = {"tenant":...,"createdAt":...}. A field that does not parse is
// skipped, so a hand-edited entry cannot take the others down.
//
// Uses the connection it is given, so one thread at a time.
class ApiKeyStore {
public:
    explicit ApiKeyStore(RedisSyncConnection& redis);

    // Refuses (ErrorKind::Rejected) a digest that is already stored.
    Result<void> add(const StoredApiKey& key);
    // Every stored key, oldest first.
    Result<std::vector<StoredApiKey>> list();
    // Deletes the one key whose id (a hex prefix of its digest, api_key_id.h)
    // is `keyId` and returns it. ErrorKind::NotFound when none matches,
    // ErrorKind::Rejected when several do.
    Result<StoredApiKey> revoke(const std::string& keyId);

private:
    RedisSyncConnection& m_redis;
};

} // namespace mccig::server
