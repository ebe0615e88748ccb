#include "ingest/api_key_registry.h"

#include <utility>

namespace mccig::server {
namespace {

// Visits every candidate whatever it finds: no early exit.
const TenantKey* findEveryTime(const std::vector<TenantKey>& keys, const SecretDigest& presented,
                               const TenantKey* found)
{
    for (const auto& candidate : keys) {
        if (constantTimeEquals(candidate.keyDigest, presented))
            found = &candidate;
    }
    return found;
}

} // namespace

ApiKeyRegistry::ApiKeyRegistry(std::vector<TenantKey> bootstrapKeys)
    : m_bootstrapKeys(std::move(bootstrapKeys))
    , m_storedKeys(std::make_shared<const KeyList>())
{
}

std::optional<std::string> ApiKeyRegistry::tenantForKey(std::string_view key) const
{
    if (key.empty())
        return std::nullopt;
    const SecretDigest presented = digestSecret(key);
    // Held until the tenant is copied out, so a concurrent replace cannot free it.
    const std::shared_ptr<const KeyList> stored = m_storedKeys.load(std::memory_order_acquire);
    const TenantKey* found = findEveryTime(m_bootstrapKeys, presented, nullptr);
    found = findEveryTime(*stored, presented, found);
    if (found == nullptr)
        return std::nullopt;
    return found->tenantId;
}

void ApiKeyRegistry::replaceStoredKeys(std::vector<TenantKey> keys)
{
    m_storedKeys.store(std::make_shared<const KeyList>(std::move(keys)), std::memory_order_release);
}

std::vector<std::string> ApiKeyRegistry::storedTenants() const
{
    const std::shared_ptr<const KeyList> stored = m_storedKeys.load(std::memory_order_acquire);
    std::vector<std::string> tenants;
    tenants.reserve(stored->size());
    for (const auto& key : *stored)
        tenants.push_back(key.tenantId);
    return tenants;
}

} // namespace mccig::server
