#pragma once

#include "admin/admin_routes.h"
#include "blocking_pool.h"
#include "config/server_config.h"
#include "http/http_listener.h"
#include "http/io_context_pool.h"
#include "http/router.h"
#include "ingest/api_key_registry.h"
#include "ingest/ingest_context.h"
#include "keys/stored_key_refresher.h"
#include "log/worker_failure_log.h"
#include "mccig/core/result.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/ports/backend.h"
#include "mccig/worker/worker_service.h"
#include "operations/ingest_metrics.h"
#include "operations/operations_routes.h"
#include "webhooks/webhook_context.h"
#include "webhooks/webhook_secret_refresher.h"
#include "webhooks/webhook_secret_registry.h"

#include <atomic>
#include <memory>
#include <vector>

namespace mccig::server {

// The running parts of a serving process and their order: I/O threads (each
// with its own admission gate), the blocking pool, the worker of the role,
// the routes and the listener. Members are declared so that destruction runs
// backwards through that order.
//
// Built, started and shut down by one controlling thread; the config must
// outlive it. Everything reaches storage through `backend`.
class ServerRuntime {
public:
    // `tls`: serve HTTPS with it (it must outlive the runtime); null: plain HTTP.
    ServerRuntime(const ServerConfig& config, std::shared_ptr<Backend> backend,
                  const ServerTlsContext* tls = nullptr);
    ~ServerRuntime();
    ServerRuntime(const ServerRuntime&) = delete;
    ServerRuntime& operator=(const ServerRuntime&) = delete;

    // Loads the stored API keys and webhook secrets and starts reloading them, starts the I/O
    // threads, listens and starts the worker; returns the bound port.
    Result<int> start();
    std::size_t ioThreads() const { return m_ioPool.size(); }

    // /readyz answers 503 {"status":"draining"} from now on; everything else is served as before.
    void failReadiness() { m_draining.store(true); }
    // Stops accepting, lets connections finish their request in hand (bounded),
    // stops the worker after its batch, then stops every thread.
    void shutDown();

private:
    AdmissionGate& currentGate();
    std::optional<WorkerCounters> workerCounters() const;
    // Tenants named by the configuration or by a stored key.
    std::vector<std::string> knownTenants() const;
    void waitUntilDrained();

    const ServerConfig& m_config;
    std::atomic<bool> m_draining{false};
    IoContextPool m_ioPool;
    BlockingPool m_blockingPool;
    std::shared_ptr<Backend> m_backend;
    std::vector<std::unique_ptr<AdmissionGate>> m_gates; // one per I/O thread, by index
    BackendMonitor m_backendMonitor;
    WorkerFailureLog m_failureLog;                       // the worker's retries and dead letters
    std::unique_ptr<WorkerService> m_worker;             // none for role api
    IngestMetrics m_metrics;
    ApiKeyRegistry m_keys;
    std::unique_ptr<StoredKeyRefresher> m_keyRefresher; // none for role worker, which takes no keys
    WebhookSecretRegistry m_webhookSecrets;
    std::unique_ptr<WebhookSecretRefresher> m_webhookSecretRefresher; // none for role worker
    const IngestContext m_ingest;
    const WebhookContext m_webhooks;
    const OperationsContext m_operations;
    const AdminContext m_admin;
    Router m_router;
    HttpListener m_listener;
    bool m_stopped = false;
};

} // namespace mccig::server
