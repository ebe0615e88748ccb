#pragma once

#include "sqlite_connection.h"

#include "mccig/ports/webhook_secret_store.h"

namespace mccig::embedded {

// The WebhookSecretStore in the table webhook_secrets. Works beside a running
// gateway, as the API keys do: `mccig-server webhooks` opens the data dir
// without its lock, and SQLite serialises the writes.
class EmbeddedWebhookSecretStore final : public WebhookSecretStore {
public:
    explicit EmbeddedWebhookSecretStore(SqliteConnection connection);

    Result<void> add(const WebhookSecret& secret) override;
    Result<std::vector<WebhookSecret>> loadAll() override;
    Result<bool> remove(const std::string& id) override;

private:
    SqliteConnection m_connection;
};

} // namespace mccig::embedded
