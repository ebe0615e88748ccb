#include "keys/stored_key_refresher.h"

#include "log/json_log.h"

#include <utility>

namespace mccig::server {

StoredKeyRefresher::StoredKeyRefresher(ApiKeyRegistry& registry, std::unique_ptr<ApiKeyStore> store,
                                       std::chrono::milliseconds interval)
    : m_registry(registry)
    , m_store(std::move(store))
    , m_reload("mccig-keys", interval, [this] { refresh(); })
{
}

StoredKeyRefresher::~StoredKeyRefresher() { stop(); }

void StoredKeyRefresher::start() { m_reload.start(); }

void StoredKeyRefresher::stop() { m_reload.stop(); }

void StoredKeyRefresher::refresh()
{
    auto stored = m_store->list();
    if (!stored) {
        if (!std::exchange(m_failing, true))
            logWarning("cannot reload the stored API keys; keeping the last ones", {{"error", stored.error().message}});
        return;
    }
    if (std::exchange(m_failing, false))
        logInfo("stored API keys reloaded again", {{"keys", stored->size()}});
    std::vector<TenantKey> keys;
    keys.reserve(stored->size());
    for (auto& key : *stored)
        keys.push_back(TenantKey{std::move(key.tenantId), key.digest});
    m_registry.replaceStoredKeys(std::move(keys));
}

} // namespace mccig::server
