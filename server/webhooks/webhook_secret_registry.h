#pragma once

#include "mccig/domain/webhook_provider.h"
#include "mccig/ports/webhook_secret_store.h"

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mccig::server {

// The stored webhook secrets as the serving process last loaded them
// (WebhookSecretRefresher), by tenant and provider. Any thread may look up
// and replace at any time: a lookup sees either the old or the new secrets,
// never a mix, and never waits on a mutex.
class WebhookSecretRegistry {
public:
    using Secrets = std::vector<std::string>;

    WebhookSecretRegistry();

    // Every secret of the tenant for the provider; empty when it has none
    // (the webhook route then answers 401: an unknown tenant).
    Secrets secretsFor(const std::string& tenantId, WebhookProvider provider) const;

    void replace(const std::vector<WebhookSecret>& secrets);

private:
    using Table = std::map<std::pair<std::string, WebhookProvider>, Secrets>;

    std::atomic<std::shared_ptr<const Table>> m_table;
};

} // namespace mccig::server
