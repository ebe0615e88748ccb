#include "redis_webhook_secret_store.h"

#include "mccig/redis/redis_keys.h"

#include "mccig/domain/tenant_id.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <tuple>

namespace mccig {
namespace {

const std::string kHashKey(kWebhookSecretsKey);

std::string encodeValue(const WebhookSecret& secret)
{
    return nlohmann::json{{"tenant", secret.entry.tenantId},
                          {"provider", webhookProviderName(secret.entry.provider)},
                          {"secret", secret.secret},
                          {"createdAt", secret.entry.createdAt}}
        .dump();
}

std::optional<std::string> stringField(const nlohmann::json& json, const char* name)
{
    if (!json.contains(name) || !json[name].is_string())
        return std::nullopt;
    return json[name].get<std::string>();
}

std::optional<WebhookSecret> decodeEntry(const std::string& id, const std::string& value)
{
    const auto json = nlohmann::json::parse(value, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    const auto tenant = stringField(json, "tenant");
    const auto providerName = stringField(json, "provider");
    const auto secret = stringField(json, "secret");
    const auto createdAt = stringField(json, "createdAt");
    if (!tenant || !providerName || !secret || !createdAt || !isValidTenantId(*tenant) || secret->empty())
        return std::nullopt;
    const auto provider = parseWebhookProvider(*providerName);
    if (!provider)
        return std::nullopt;
    return WebhookSecret{{id, *tenant, *provider, *createdAt}, *secret};
}

} // namespace

RedisWebhookSecretStore::RedisWebhookSecretStore(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_redis(std::move(endpoint), timeout)
{
}

Result<void> RedisWebhookSecretStore::add(const WebhookSecret& secret)
{
    auto reply = m_redis.command({"HSETNX", kHashKey, secret.entry.id, encodeValue(secret)});
    if (!reply)
        return std::unexpected(reply.error());
    if (!reply->isInteger() || reply->integer != 1)
        return failure(ErrorKind::Rejected, "a webhook secret with this id is already stored");
    return {};
}

Result<std::vector<WebhookSecret>> RedisWebhookSecretStore::loadAll()
{
    auto reply = m_redis.command({"HGETALL", kHashKey});
    if (!reply)
        return std::unexpected(reply.error());
    if (!reply->isArray())
        return failure(ErrorKind::Internal, std::string("unexpected reply to HGETALL ") + kHashKey);
    std::vector<WebhookSecret> secrets;
    const auto& items = reply->elements;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        if (auto secret = decodeEntry(items[i].text, items[i + 1].text))
            secrets.push_back(std::move(*secret));
    }
    std::sort(secrets.begin(), secrets.end(), [](const WebhookSecret& a, const WebhookSecret& b) {
        return std::tie(a.entry.createdAt, a.entry.id) < std::tie(b.entry.createdAt, b.entry.id);
    });
    return secrets;
}

Result<bool> RedisWebhookSecretStore::remove(const std::string& id)
{
    auto deleted = m_redis.command({"HDEL", kHashKey, id});
    if (!deleted)
        return std::unexpected(deleted.error());
    return deleted->isInteger() && deleted->integer == 1;
}

} // namespace mccig
