#pragma once

#include "mccig/ports/webhook_secret_store.h"
#include "periodic_reload.h"
#include "webhooks/webhook_secret_registry.h"

#include <chrono>
#include <memory>

namespace mccig::server {

// How often a serving process reloads the stored webhook secrets: a secret
// set or removed with `mccig-server webhooks`, or through another process's
// admin API, takes effect within about this long. One set or removed through
// this process's own admin API is in use before its answer (reloadNow).
inline constexpr std::chrono::milliseconds kWebhookSecretRefreshInterval{2000};

// Keeps a WebhookSecretRegistry in step with the backend's WebhookSecretStore,
// on a thread of its own, swapping the secrets in whole. When a reload fails
// the registry keeps the last secrets it had (admission, which needs the same
// backend, answers 503 meanwhile anyway).
//
// Started and stopped by one controlling thread; the registry must outlive it.
class WebhookSecretRefresher {
public:
    WebhookSecretRefresher(WebhookSecretRegistry& registry, std::unique_ptr<WebhookSecretStore> store,
                           std::chrono::milliseconds interval = kWebhookSecretRefreshInterval);

    // Loads once on the calling thread, then starts reloading.
    void start() { m_reload.start(); }
    void stop() { m_reload.stop(); }
    // Reloads at once and waits for it; see PeriodicReload::reloadNow.
    void reloadNow() { m_reload.reloadNow(); }

private:
    void refresh();

    WebhookSecretRegistry& m_registry;
    const std::unique_ptr<WebhookSecretStore> m_store; // used by one thread at a time
    bool m_failing = false;                            // only the thread that refreshes touches it
    PeriodicReload m_reload;                           // last: its thread stops before the rest goes
};

} // namespace mccig::server
