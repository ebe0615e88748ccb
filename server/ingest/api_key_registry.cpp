#include "ingest/api_key_registry.h"

#include <utility>

namespace mccig::server {

ApiKeyRegistry::ApiKeyRegistry(std::vector<TenantKey> keys)
    : m_keys(std::move(keys))
{
}

std::optional<std::string> ApiKeyRegistry::tenantForKey(std::string_view key) const
{
    if (key.empty())
        return std::nullopt;
    const SecretDigest presented = digestSecret(key);
    const TenantKey* found = nullptr;
    for (const auto& candidate : m_keys) {
        if (constantTimeEquals(candidate.keyDigest, presented))
            found = &candidate;
    }
    if (found == nullptr)
        return std::nullopt;
    return found->tenantId;
}

} // namespace mccig::server
