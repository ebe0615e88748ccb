#pragma once

#include "mccig/core/result.h"
#include "mccig/core/secret_digest.h"

#include <string>
#include <vector>

namespace mccig {

// One API key managed with `mccig-server keys`: never the key, only its digest.
struct StoredApiKey {
    SecretDigest digest{};
    std::string tenantId;
    std::string createdAt; // RFC 3339, UTC (formatUtc)
};

// Port: the stored API keys, shared by every process on the backend. An
// entry that does not parse is skipped, so a hand-edited one cannot take the
// others down. Blocks; one thread per instance.
class ApiKeyStore {
public:
    virtual ~ApiKeyStore() = default;

    // Refuses (ErrorKind::Rejected) a digest that is already stored.
    virtual Result<void> add(const StoredApiKey& key) = 0;
    // Every stored key, oldest first.
    virtual Result<std::vector<StoredApiKey>> list() = 0;
    // false: no such key (another operator may have removed it first).
    virtual Result<bool> remove(const SecretDigest& digest) = 0;
};

} // namespace mccig
