#pragma once

#include "sqlite_connection.h"

#include "mccig/ports/api_key_store.h"

namespace mccig::embedded {

// The ApiKeyStore in the table api_keys (digest as lowercase hex, tenant,
// creation time). Works beside a running gateway: `mccig-server keys` opens
// the data dir without its lock, and SQLite serialises the writes.
class EmbeddedApiKeyStore final : public ApiKeyStore {
public:
    explicit EmbeddedApiKeyStore(SqliteConnection connection);

    Result<void> add(const StoredApiKey& key) override;
    Result<std::vector<StoredApiKey>> list() override;
    Result<bool> remove(const SecretDigest& digest) override;

private:
    SqliteConnection m_connection;
};

} // namespace mccig::embedded
