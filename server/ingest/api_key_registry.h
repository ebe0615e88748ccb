#pragma once

#include "config/server_config.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::server {

// Maps an API key to its tenant: the bootstrap keys of --api-keys, fixed at
// construction, and the keys stored in Redis, replaced whole from time to
// time (StoredKeyRefresher). Holds only key digests; a lookup digests the
// presented key and compares it with every digest in constant time, without
// stopping at the first match, so timing reveals nothing about the keys
// (API.md §2).
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
    using KeyList = std::vector<TenantKey>;

    const KeyList m_bootstrapKeys;
    std::atomic<std::shared_ptr<const KeyList>> m_storedKeys;
};

} // namespace mccig::server
