#pragma once

#include "config/server_config.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::server {

// Maps an API key to its tenant. Holds only key digests; a lookup digests the
// presented key and compares it with every stored digest in constant time,
// without stopping at the first match, so timing reveals nothing about the
// keys (API.md §2). Immutable after construction: any thread may look up.
class ApiKeyRegistry {
public:
    explicit ApiKeyRegistry(std::vector<TenantKey> keys);

    std::optional<std::string> tenantForKey(std::string_view key) const;

private:
    std::vector<TenantKey> m_keys;
};

} // namespace mccig::server
