#include "keys/keys_command.h"

#include "app/backend_factory.h"
#include "app/tool_error.h"
#include "keys/api_key_generator.h"
#include "keys/api_key_id.h"
#include "keys/stored_key_refresher.h"
#include "mccig/core/time_format.h"

#include <algorithm>
#include <chrono>
#include <iterator>

namespace mccig::server {
namespace {

// The one stored key whose id (a hex prefix of its digest) is `keyId`.
Result<StoredApiKey> findKey(ApiKeyStore& store, const std::string& keyId)
{
    auto keys = store.list();
    if (!keys)
        return std::unexpected(keys.error());
    std::vector<StoredApiKey> matches;
    std::copy_if(keys->begin(), keys->end(), std::back_inserter(matches),
                 [&](const StoredApiKey& key) { return digestHex(key.digest).starts_with(keyId); });
    if (matches.empty())
        return failure(ErrorKind::NotFound, "no stored API key has the id " + keyId);
    if (matches.size() > 1)
        return failure(ErrorKind::Rejected, "the key id " + keyId + " matches several keys; give more digits");
    return matches.front();
}

int addKey(ApiKeyStore& store, const KeysRequest& request, const ServerConfig& config, std::ostream& out,
           std::ostream& err)
{
    auto key = generateApiKey();
    if (!key)
        return reportToolError(key.error(), config, err);
    const StoredApiKey stored{digestSecret(*key), request.tenantId, formatUtc(std::chrono::system_clock::now())};
    if (auto added = store.add(stored); !added)
        return reportToolError(added.error(), config, err);
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
        return reportToolError(keys.error(), config, err);
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
    auto revoked = findKey(store, request.keyId);
    if (!revoked)
        return reportToolError(revoked.error(), config, err);
    auto removed = store.remove(revoked->digest);
    if (!removed)
        return reportToolError(removed.error(), config, err);
    // Another operator may have revoked it between the read and the delete.
    if (!*removed)
        return reportToolError(Error{ErrorKind::NotFound, "no stored API key has the id " + request.keyId}, config, err);
    const auto refresh = std::chrono::duration_cast<std::chrono::seconds>(kStoredKeyRefreshInterval);
    out << "revoked key " << keyIdOf(revoked->digest) << " of tenant " << revoked->tenantId
        << "; running servers refuse it within " << refresh.count() << " s" << std::endl;
    return 0;
}

} // namespace

int runKeysCommand(const KeysRequest& request, const ServerConfig& config, std::ostream& out, std::ostream& err)
{
    auto backend = openBackend(config, BackendUse::Tool);
    if (!backend)
        return reportToolError(backend.error(), config, err);
    const auto keys = (*backend)->apiKeyStore();
    ApiKeyStore& store = *keys;
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
