#pragma once

#include "ingest/api_key_registry.h"
#include "mccig/ports/api_key_store.h"
#include "periodic_reload.h"

#include <chrono>
#include <memory>

namespace mccig::server {

// How often a serving process reloads the stored API keys: a key added or
// revoked with `mccig-server keys` takes effect within about this long.
inline constexpr std::chrono::milliseconds kStoredKeyRefreshInterval{2000};

// Keeps the stored keys of an ApiKeyRegistry in step with the backend's
// ApiKeyStore: one background thread of its own reloads them every interval
// and swaps them in whole, so the I/O threads never wait for the store. When
// a reload fails the registry keeps the last keys it had (and ingest, which
// needs the same backend, answers 503 meanwhile anyway).
//
// Started and stopped by one controlling thread; the registry must outlive it.
class StoredKeyRefresher {
public:
    StoredKeyRefresher(ApiKeyRegistry& registry, std::unique_ptr<ApiKeyStore> store,
                       std::chrono::milliseconds interval = kStoredKeyRefreshInterval);
    ~StoredKeyRefresher();
    StoredKeyRefresher(const StoredKeyRefresher&) = delete;
    StoredKeyRefresher& operator=(const StoredKeyRefresher&) = delete;

    // Loads once on the calling thread, so keys stored before the start work
    // from the first request, then starts the reloading thread.
    void start();
    // Wakes the thread and joins it. Idempotent.
    void stop();

private:
    void refresh();

    ApiKeyRegistry& m_registry;
    // Used by start() before the thread exists, then by the thread alone.
    const std::unique_ptr<ApiKeyStore> m_store;
    bool m_failing = false; // only the thread that refreshes reads or writes it
    PeriodicReload m_reload; // last: its thread stops before the rest goes
};

} // namespace mccig::server
