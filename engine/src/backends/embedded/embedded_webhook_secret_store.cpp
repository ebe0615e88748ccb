#include "embedded_webhook_secret_store.h"

#include "mccig/domain/tenant_id.h"

namespace mccig::embedded {

EmbeddedWebhookSecretStore::EmbeddedWebhookSecretStore(SqliteConnection connection)
    : m_connection(std::move(connection))
{
}

Result<void> EmbeddedWebhookSecretStore::add(const WebhookSecret& secret)
{
    auto insert = m_connection.prepare("INSERT INTO webhook_secrets (id, tenant_id, provider, secret, created_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, secret.entry.id)
        .bind(2, secret.entry.tenantId)
        .bind(3, webhookProviderName(secret.entry.provider))
        .bind(4, secret.secret)
        .bind(5, secret.entry.createdAt);
    const auto inserted = m_connection.writeOne(*insert);
    if (!inserted)
        return std::unexpected(inserted.error());
    if (*inserted != 1)
        return failure(ErrorKind::Rejected, "a webhook secret with this id is already stored");
    return {};
}

Result<std::vector<WebhookSecret>> EmbeddedWebhookSecretStore::loadAll()
{
    auto query = m_connection.prepare(
        "SELECT id, tenant_id, provider, secret, created_at FROM webhook_secrets ORDER BY created_at, id");
    if (!query)
        return std::unexpected(query.error());
    std::vector<WebhookSecret> secrets;
    auto read = query->forEachRow([&](const SqliteStatement& row) {
        const auto provider = parseWebhookProvider(row.text(2));
        WebhookSecret secret{{std::string(row.text(0)), std::string(row.text(1)),
                              provider.value_or(WebhookProvider::Twilio), std::string(row.text(4))},
                             std::string(row.text(3))};
        // A hand-edited row that does not parse is skipped, not fatal.
        if (provider && isValidTenantId(secret.entry.tenantId) && !secret.secret.empty())
            secrets.push_back(std::move(secret));
    });
    if (!read)
        return std::unexpected(read.error());
    return secrets;
}

Result<bool> EmbeddedWebhookSecretStore::remove(const std::string& id)
{
    auto remove = m_connection.prepare("DELETE FROM webhook_secrets WHERE id = ?1");
    if (!remove)
        return std::unexpected(remove.error());
    remove->bind(1, id);
    const auto removed = m_connection.writeOne(*remove);
    if (!removed)
        return std::unexpected(removed.error());
    return *removed == 1;
}

} // namespace mccig::embedded
