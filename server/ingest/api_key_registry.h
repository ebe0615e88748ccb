#pragma once

#include "config/server_config.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mccig::server {

// Maps an API key to its tenant: the bootstrap keys of --api-keys, fixed at
// construction, and the keys stored in Redis, replaced whole from time to
// time (StoredKeyRefresher). Holds only key digests (API.md §2). A lookup
// digests the presented key and finds that digest in a hash table, so it
// costs the same with ten keys or a hundred thousand. Its timing depends only
// on the presented key's digest, which tells nothing about any stored key,
// and the one comparison it makes is constant-time.
//
// Any thread may look up and replace at any time: a lookup sees either the
// old or the new stored keys, never a mix, and never waits on a mutex.
class ApiKeyRegistry {
public:
    explicit ApiKeyRegistry(std::vector<TenantKey> bootstrapKeys);

    std::optional<std::string> tenantForKey(std::string_view key) const;

    void replaceStoredKeys(std::vector<TenantKey> keys);

    // The tenant of each stored key, as last loaded (a tenant with two keys twice).
    std::vector<std::string> storedTenants() const;

private:
    // The keys of one source by digest (of one digest loaded twice, the later
    // tenant), and their tenants in the order loaded.
    class KeyIndex {
    public:
        explicit KeyIndex(std::vector<TenantKey> keys);
        const std::string* tenantOf(const SecretDigest& digest) const;
        const std::vector<std::string>& tenantsInOrder() const { return m_tenantsInOrder; }

    private:
        struct DigestHash {
            std::size_t operator()(const SecretDigest& digest) const;
        };
        struct DigestEquals {
            bool operator()(const SecretDigest& a, const SecretDigest& b) const { return constantTimeEquals(a, b); }
        };
        std::unordered_map<SecretDigest, std::string, DigestHash, DigestEquals> m_tenantByDigest;
        std::vector<std::string> m_tenantsInOrder;
    };

    const KeyIndex m_bootstrapKeys;
    std::atomic<std::shared_ptr<const KeyIndex>> m_storedKeys;
};

} // namespace mccig::server
