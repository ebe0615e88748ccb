#include "keys/keys_command.h"

#include "keys/api_key_generator.h"
#include "keys/api_key_id.h"
#include "keys/api_key_store.h"
#include "keys/stored_key_refresher.h"
#include "mccig/core/time_format.h"

#include <chrono>

namespace mccig::server {
namespace {

int report(const Error& error, const ServerConfig& config, std::ostream& err)
{
    err << "mccig-server: ";
    if (isOutage(error))
        err << "cannot reach Redis at " << config.redisEndpoint.host << ':' << config.redisEndpoint.port << ": ";
    err << error.message << std::endl;
    return 1;
}

int addKey(ApiKeyStore& store, const KeysRequest& request, const ServerConfig& config, std::ostream& out,
           std::ostream& err)
{
    auto key = generateApiKey();
    if (!key)
        return report(key.error(), config, err);
    const StoredApiKey stored{digestSecret(*key), request.tenantId, formatUtc(std::chrono::system_clock::now())};
    if (auto added = store.add(stored); !added)
        return report(added.error(), config, err);
    out << *key << std::endl;
    err << "added key " << keyIdOf(stored.digest) << " for tenant " << stored.tenantId
        << "; store it now, it cannot be shown again" << std::endl;
    return 0;
}

int listKeys(ApiKeyStore& store, const KeysRequest& request, const ServerConfig& config, std::ostream& out,
             std::ostream& err)
{
    auto keys = store.list();
    if (!keys)
        return report(keys.error(), config, err);
    for (const auto& key : *keys) {
        if (request.tenantId.empty() || key.tenantId == request.tenantId)
            out << keyIdOf(key.digest) << '\t' << key.tenantId << '\t' << key.createdAt << '\n';
    }
    out.flush();
    return 0;
}

int revokeKey(ApiKeyStore& store, const KeysRequest& request, const ServerConfig& config, std::ostream& out,
              std::ostream& err)
{
    auto revoked = store.revoke(request.keyId);
    if (!revoked)
        return report(revoked.error(), config, err);
    const auto refresh = std::chrono::duration_cast<std::chrono::seconds>(kStoredKeyRefreshInterval);
    out << "revoked key " << keyIdOf(revoked->digest) << " of tenant " << revoked->tenantId
        << "; running servers refuse it within " << refresh.count() << " s" << std::endl;
    return 0;
}

} // namespace

int runKeysCommand(const KeysRequest& request, const ServerConfig& config, std::ostream& out, std::ostream& err)
{
    RedisSyncConnection redis(config.redisEndpoint, config.backendTimeout);
    ApiKeyStore store(redis);
    switch (request.action) {
    case KeysAction::Add:
        return addKey(store, request, config, out, err);
    case KeysAction::List:
        return listKeys(store, request, config, out, err);
    case KeysAction::Revoke:
        return revokeKey(store, request, config, out, err);
    }
    return 1;
}

} // namespace mccig::server
