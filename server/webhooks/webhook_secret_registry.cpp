#include "webhooks/webhook_secret_registry.h"

namespace mccig::server {

WebhookSecretRegistry::WebhookSecretRegistry()
    : m_table(std::make_shared<const Table>())
{
}

WebhookSecretRegistry::Secrets WebhookSecretRegistry::secretsFor(const std::string& tenantId,
                                                                 WebhookProvider provider) const
{
    const auto table = m_table.load();
    const auto found = table->find({tenantId, provider});
    return found == table->end() ? Secrets{} : found->second;
}

void WebhookSecretRegistry::replace(const std::vector<WebhookSecret>& secrets)
{
    auto table = std::make_shared<Table>();
    for (const auto& secret : secrets)
        (*table)[{secret.entry.tenantId, secret.entry.provider}].push_back(secret.secret);
    m_table.store(std::move(table));
}

} // namespace mccig::server
