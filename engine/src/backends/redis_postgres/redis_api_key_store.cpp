#include "redis_api_key_store.h"

#include "mccig/redis/redis_keys.h"

#include "mccig/domain/tenant_id.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <tuple>

namespace mccig {
namespace {

const std::string kHashKey(kApiKeysKey);

std::string encodeValue(const StoredApiKey& key)
{
    return nlohmann::json{{"tenant", key.tenantId}, {"createdAt", key.createdAt}}.dump();
}

std::optional<StoredApiKey> decodeEntry(const std::string& field, const std::string& value)
{
    const auto digest = parseDigestHex(field);
    const auto json = nlohmann::json::parse(value, nullptr, false);
    if (!digest || !json.is_object() || !json.contains("tenant") || !json["tenant"].is_string() ||
        !json.contains("createdAt") || !json["createdAt"].is_string())
        return std::nullopt;
    StoredApiKey key{*digest, json["tenant"].get<std::string>(), json["createdAt"].get<std::string>()};
    if (!isValidTenantId(key.tenantId))
        return std::nullopt;
    return key;
}

} // namespace

RedisApiKeyStore::RedisApiKeyStore(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_redis(std::move(endpoint), timeout)
{
}

Result<void> RedisApiKeyStore::add(const StoredApiKey& key)
{
    auto reply = m_redis.command({"HSETNX", kHashKey, digestHex(key.digest), encodeValue(key)});
    if (!reply)
        return std::unexpected(reply.error());
    if (!reply->isInteger() || reply->integer != 1)
        return failure(ErrorKind::Rejected, "this key is already stored");
    return {};
}

Result<std::vector<StoredApiKey>> RedisApiKeyStore::list()
{
    auto reply = m_redis.command({"HGETALL", kHashKey});
    if (!reply)
        return std::unexpected(reply.error());
    if (!reply->isArray())
        return failure(ErrorKind::Internal, std::string("unexpected reply to HGETALL ") + kHashKey);
    std::vector<StoredApiKey> keys;
    const auto& items = reply->elements;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        if (auto key = decodeEntry(items[i].text, items[i + 1].text))
            keys.push_back(std::move(*key));
    }
    std::sort(keys.begin(), keys.end(), [](const StoredApiKey& a, const StoredApiKey& b) {
        return std::tie(a.createdAt, a.tenantId, a.digest) < std::tie(b.createdAt, b.tenantId, b.digest);
    });
    return keys;
}

Result<bool> RedisApiKeyStore::remove(const SecretDigest& digest)
{
    auto deleted = m_redis.command({"HDEL", kHashKey, digestHex(digest)});
    if (!deleted)
        return std::unexpected(deleted.error());
    return deleted->isInteger() && deleted->integer == 1;
}

} // namespace mccig
