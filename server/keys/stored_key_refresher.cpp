#include "keys/stored_key_refresher.h"

#include "log/json_log.h"
#include "mccig/core/thread_name.h"

#include <utility>

namespace mccig::server {

StoredKeyRefresher::StoredKeyRefresher(ApiKeyRegistry& registry, std::unique_ptr<ApiKeyStore> store,
                                       std::chrono::milliseconds interval)
    : m_registry(registry)
    , m_store(std::move(store))
    , m_interval(interval)
{
}

StoredKeyRefresher::~StoredKeyRefresher() { stop(); }

void StoredKeyRefresher::start()
{
    refresh();
    m_thread = std::thread([this] {
        nameThisThread("mccig-keys");
        run();
    });
}

void StoredKeyRefresher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void StoredKeyRefresher::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stopping; })) {
        // Not held while the store answers, so stop() never waits behind a slow reload.
        lock.unlock();
        refresh();
        lock.lock();
    }
}

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
