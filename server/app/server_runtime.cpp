#include "app/server_runtime.h"

#include "ingest/ingest_routes.h"
#include "webhooks/webhook_routes.h"
#include "log/json_log.h"

#include <chrono>
#include <thread>

namespace mccig::server {
namespace {

constexpr std::size_t kBlockingThreads = 4;
constexpr std::size_t kBlockingQueue = 256;
// Connections get this long to finish once the listener stops (after the
// shutdown grace, when the load balancer has stopped sending); the rest of
// the budget is for the worker's batch and tearing down.
constexpr std::chrono::seconds kDrainDeadline{3};

ConnectionSettings connectionSettings(const ServerConfig& config)
{
    ConnectionSettings settings;
    settings.maxConnections = static_cast<std::size_t>(config.effectiveMaxConnections());
    settings.accessLog = config.accessLog;
    return settings;
}

// What /readyz waits for: an API process must admit, a worker must store.
ReadinessNeeds readinessNeeds(ServerRole role)
{
    return {role != ServerRole::Worker, role != ServerRole::Api};
}

WorkerSettings workerSettings(const ServerConfig& config, WorkerFailureLog& failureLog)
{
    WorkerSettings settings;
    settings.onFailure = [&failureLog](const WorkerFailure& failure) { failureLog.record(failure); };
    settings.maxAttempts = config.maxAttempts;
    settings.retryBase = config.retryBase;
    settings.claimIdle = config.claimIdle;
    settings.simulationMode = config.simulationMode;
    return settings;
}

} // namespace

ServerRuntime::ServerRuntime(const ServerConfig& config, std::shared_ptr<Backend> backend,
                             const ServerTlsContext* tls)
    : m_config(config)
    , m_ioPool(static_cast<std::size_t>(config.effectiveIoThreads()))
    , m_blockingPool(kBlockingThreads, kBlockingQueue)
    , m_backend(std::move(backend))
    , m_backendMonitor(*m_backend)
    , m_worker(config.role == ServerRole::Api
                   ? nullptr
                   : std::make_unique<WorkerService>(m_backend, workerSettings(config, m_failureLog)))
    , m_keys(config.apiKeys)
    , m_keyRefresher(config.role == ServerRole::Worker
                         ? nullptr
                         : std::make_unique<StoredKeyRefresher>(m_keys, m_backend->apiKeyStore()))
    , m_webhookSecretRefresher(config.role == ServerRole::Worker ? nullptr
                                                                 : std::make_unique<WebhookSecretRefresher>(
                                                                       m_webhookSecrets, m_backend->webhookSecretStore()))
    , m_ingest{m_keys, [this]() -> AdmissionGate& { return currentGate(); },
               [this](const std::string& tenant) { return m_config.rateLimitFor(tenant); }, config.idempotencyTtl,
               m_metrics}
    , m_webhooks{m_ingest, m_webhookSecrets, config.publicUrl, tls != nullptr}
    , m_operations{m_blockingPool,
                   m_backend,
                   readinessNeeds(config.role),
                   m_draining,
                   m_metrics,
                   m_backendMonitor,
                   [this] { return workerCounters(); }}
    , m_admin{m_blockingPool,
              config.adminKeyDigest,
              m_backend,
              [this](const std::string& tenant) { return m_config.rateLimitFor(tenant); },
              [this] { return knownTenants(); },
              [this] {
                  if (m_webhookSecretRefresher)
                      m_webhookSecretRefresher->reloadNow();
              }}
    , m_listener(m_ioPool, m_router, connectionSettings(config), tls)
{
    for (std::size_t i = 0; i < m_ioPool.size(); ++i)
        m_gates.push_back(m_backend->admissionGate(m_ioPool.context(i)));
    // A worker-only process still answers the operations endpoints (API.md §1).
    if (config.role != ServerRole::Worker) {
        registerIngestRoutes(m_router, m_ingest);
        registerWebhookRoutes(m_router, m_webhooks);
        registerAdminRoutes(m_router, m_admin);
    }
    registerOperationsRoutes(m_router, m_operations);
}

ServerRuntime::~ServerRuntime() { shutDown(); }

Result<int> ServerRuntime::start()
{
    if (m_keyRefresher)
        m_keyRefresher->start();
    if (m_webhookSecretRefresher)
        m_webhookSecretRefresher->start();
    m_backendMonitor.start();
    m_ioPool.start();
    auto port = m_listener.listen(m_config.listen);
    if (!port)
        return port;
    if (m_worker)
        m_worker->start();
    return port;
}

void ServerRuntime::shutDown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_listener.stopAccepting();
    m_listener.drain();
    std::thread workerStop([this] {
        if (m_worker)
            m_worker->stop();
    });
    waitUntilDrained();
    workerStop.join();
    m_ioPool.stop();
    m_ioPool.join();
    if (m_keyRefresher)
        m_keyRefresher->stop();
    if (m_webhookSecretRefresher)
        m_webhookSecretRefresher->stop();
    // The gates belong to their I/O threads; with those stopped they may go.
    m_gates.clear();
    m_backendMonitor.stop();
    m_blockingPool.stop();
}

AdmissionGate& ServerRuntime::currentGate() { return *m_gates[IoContextPool::currentIndex()]; }

std::vector<std::string> ServerRuntime::knownTenants() const
{
    std::vector<std::string> tenants = m_config.configuredTenants();
    const std::vector<std::string> stored = m_keys.storedTenants();
    tenants.insert(tenants.end(), stored.begin(), stored.end());
    return tenants;
}

std::optional<WorkerCounters> ServerRuntime::workerCounters() const
{
    if (!m_worker)
        return std::nullopt;
    return m_worker->counters();
}

void ServerRuntime::waitUntilDrained()
{
    const auto deadline = std::chrono::steady_clock::now() + kDrainDeadline;
    while (m_listener.openConnections() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (m_listener.openConnections() > 0)
        logWarning("closing connections that did not finish in time",
                   {{"connections", m_listener.openConnections()}});
}

} // namespace mccig::server
