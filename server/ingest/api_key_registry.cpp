#include "ingest/api_key_registry.h"

#include "mccig/core/byte_words.h"

#include <utility>

namespace mccig::server {

ApiKeyRegistry::KeyIndex::KeyIndex(std::vector<TenantKey> keys)
{
    m_tenantByDigest.reserve(keys.size());
    m_tenantsInOrder.reserve(keys.size());
    for (auto& key : keys) {
        m_tenantsInOrder.push_back(key.tenantId);
        m_tenantByDigest.insert_or_assign(key.keyDigest, std::move(key.tenantId));
    }
}

const std::string* ApiKeyRegistry::KeyIndex::tenantOf(const SecretDigest& digest) const
{
    const auto found = m_tenantByDigest.find(digest);
    return found == m_tenantByDigest.end() ? nullptr : &found->second;
}

// SHA-256's bytes are uniform: any eight of them make a good hash.
std::size_t ApiKeyRegistry::KeyIndex::DigestHash::operator()(const SecretDigest& digest) const
{
    return static_cast<std::size_t>(wordAt(digest.data()));
}

ApiKeyRegistry::ApiKeyRegistry(std::vector<TenantKey> bootstrapKeys)
    : m_bootstrapKeys(std::move(bootstrapKeys))
    , m_storedKeys(std::make_shared<const KeyIndex>(std::vector<TenantKey>{}))
{
}

std::optional<std::string> ApiKeyRegistry::tenantForKey(std::string_view key) const
{
    if (key.empty())
        return std::nullopt;
    const SecretDigest presented = digestSecret(key);
    // Held until the tenant is copied out, so a concurrent replace cannot free it.
    const std::shared_ptr<const KeyIndex> stored = m_storedKeys.load(std::memory_order_acquire);
    // A key both stored and given at start belongs to its stored tenant.
    const std::string* tenant = stored->tenantOf(presented);
    if (tenant == nullptr)
        tenant = m_bootstrapKeys.tenantOf(presented);
    if (tenant == nullptr)
        return std::nullopt;
    return *tenant;
}

void ApiKeyRegistry::replaceStoredKeys(std::vector<TenantKey> keys)
{
    m_storedKeys.store(std::make_shared<const KeyIndex>(std::move(keys)), std::memory_order_release);
}

std::vector<std::string> ApiKeyRegistry::storedTenants() const
{
    return m_storedKeys.load(std::memory_order_acquire)->tenantsInOrder();
}

} // namespace mccig::server
