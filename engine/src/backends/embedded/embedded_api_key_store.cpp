#include "embedded_api_key_store.h"

#include "mccig/domain/tenant_id.h"

namespace mccig::embedded {

EmbeddedApiKeyStore::EmbeddedApiKeyStore(SqliteConnection connection)
    : m_connection(std::move(connection))
{
}

Result<void> EmbeddedApiKeyStore::add(const StoredApiKey& key)
{
    auto insert = m_connection.prepare(
        "INSERT INTO api_keys (digest, tenant_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, digestHex(key.digest)).bind(2, key.tenantId).bind(3, key.createdAt);
    const auto inserted = m_connection.writeOne(*insert);
    if (!inserted)
        return std::unexpected(inserted.error());
    if (*inserted != 1)
        return failure(ErrorKind::Rejected, "this key is already stored");
    return {};
}

Result<std::vector<StoredApiKey>> EmbeddedApiKeyStore::list()
{
    auto query = m_connection.prepare(
        "SELECT digest, tenant_id, created_at FROM api_keys ORDER BY created_at, tenant_id, digest");
    if (!query)
        return std::unexpected(query.error());
    std::vector<StoredApiKey> keys;
    auto read = query->forEachRow([&](const SqliteStatement& row) {
        const auto digest = parseDigestHex(row.text(0));
        StoredApiKey key{digest.value_or(SecretDigest{}), std::string(row.text(1)), std::string(row.text(2))};
        // A hand-edited row that does not parse is skipped, not fatal.
        if (digest && isValidTenantId(key.tenantId))
            keys.push_back(std::move(key));
    });
    if (!read)
        return std::unexpected(read.error());
    return keys;
}

Result<bool> EmbeddedApiKeyStore::remove(const SecretDigest& digest)
{
    auto remove = m_connection.prepare("DELETE FROM api_keys WHERE digest = ?1");
    if (!remove)
        return std::unexpected(remove.error());
    remove->bind(1, digestHex(digest));
    const auto removed = m_connection.writeOne(*remove);
    if (!removed)
        return std::unexpected(removed.error());
    return *removed == 1;
}

} // namespace mccig::embedded
