#include "webhooks/webhook_secret_refresher.h"

#include "log/json_log.h"

#include <utility>

namespace mccig::server {

WebhookSecretRefresher::WebhookSecretRefresher(WebhookSecretRegistry& registry,
                                               std::unique_ptr<WebhookSecretStore> store,
                                               std::chrono::milliseconds interval)
    : m_registry(registry)
    , m_store(std::move(store))
    , m_reload("mccig-whsecrets", interval, [this] { refresh(); })
{
}

void WebhookSecretRefresher::refresh()
{
    auto stored = m_store->loadAll();
    if (!stored) {
        if (!std::exchange(m_failing, true))
            logWarning("cannot reload the webhook secrets; keeping the last ones", {{"error", stored.error().message}});
        return;
    }
    if (std::exchange(m_failing, false))
        logInfo("webhook secrets reloaded again", {{"secrets", stored->size()}});
    m_registry.replace(*stored);
}

} // namespace mccig::server
