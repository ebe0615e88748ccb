#include "mccig/ports/webhook_secret_store.h"

namespace mccig {

Result<std::vector<WebhookSecretEntry>> WebhookSecretStore::list()
{
    auto secrets = loadAll();
    if (!secrets)
        return std::unexpected(secrets.error());
    std::vector<WebhookSecretEntry> entries;
    entries.reserve(secrets->size());
    for (auto& secret : *secrets)
        entries.push_back(std::move(secret.entry));
    return entries;
}

} // namespace mccig
