#include "app/server_application.h"

#include "blocking_pool.h"
#include "http/http_listener.h"
#include "http/io_context_pool.h"
#include "ingest/ingest_routes.h"
#include "log/json_log.h"
#include "mccig/postgres/migrations.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_admission_gate.h"
#include "mccig/redis/redis_sync_connection.h"
#include "mccig/worker/worker_service.h"
#include "operations/operations_routes.h"
#include "admin/admin_routes.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace mccig::server {
namespace {

constexpr std::size_t kBlockingThreads = 4;
constexpr std::size_t kBlockingQueue = 256;
// Connections get this long to finish after SIGTERM; the rest of the 10 s
// budget is for the worker's batch and tearing down.
constexpr std::chrono::seconds kDrainDeadline{7};

sigset_t shutdownSignals()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    return signals;
}

std::string displayAddress(const std::string& host, int port)
{
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

WorkerSettings workerSettings(const ServerConfig& config)
{
    WorkerSettings settings;
    settings.redis = config.redisEndpoint;
    settings.databaseUrl = config.databaseUrl;
    settings.maxAttempts = config.maxAttempts;
    settings.retryBase = config.retryBase;
    settings.claimIdle = config.claimIdle;
    settings.backendTimeout = config.backendTimeout;
    settings.simulationMode = config.simulationMode;
    return settings;
}

void waitUntilDrained(const HttpListener& listener)
{
    const auto deadline = std::chrono::steady_clock::now() + kDrainDeadline;
    while (listener.openConnections() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (listener.openConnections() > 0)
        logWarning("closing connections that did not finish in time",
                   {{"connections", listener.openConnections()}});
}

} // namespace

ServerApplication::ServerApplication(ServerConfig config)
    : m_config(std::move(config))
{
}

int ServerApplication::run()
{
    // Blocked before any thread starts, so every thread inherits the mask and
    // only sigwait() in serve() ever sees the signals.
    const sigset_t signals = shutdownSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    if (!prepareBackends())
        return 1;
    return serve();
}

bool ServerApplication::prepareBackends()
{
    auto migrated = applyMigrations(m_config.databaseUrl, m_config.backendTimeout);
    if (!migrated) {
        logError("database migrations failed", {{"error", migrated.error().message}});
        return false;
    }
    logInfo("database schema up to date", {{"applied", *migrated}});
    RedisSyncConnection redis(m_config.redisEndpoint, m_config.backendTimeout);
    if (auto stream = ensureEventStream(redis); !stream) {
        logError("cannot prepare the event stream in Redis", {{"error", stream.error().message}});
        return false;
    }
    return true;
}

int ServerApplication::serve()
{
    IoContextPool ioPool(std::max(1u, std::thread::hardware_concurrency()));
    BlockingPool blockingPool(kBlockingThreads, kBlockingQueue);
    std::vector<std::unique_ptr<AdmissionGate>> gates;
    for (std::size_t i = 0; i < ioPool.size(); ++i)
        gates.push_back(std::make_unique<RedisAdmissionGate>(ioPool.context(i), m_config.redisEndpoint,
                                                             m_config.backendTimeout));
    const auto currentGate = [&gates]() -> AdmissionGate& { return *gates[IoContextPool::currentIndex()]; };
    const auto policyFor = [this](const std::string& tenant) { return m_config.rateLimitFor(tenant); };

    std::unique_ptr<WorkerService> worker;
    if (m_config.role != ServerRole::Api)
        worker = std::make_unique<WorkerService>(workerSettings(m_config));

    IngestMetrics metrics;
    const ApiKeyRegistry keys(m_config.apiKeys);
    const IngestContext ingest{keys, currentGate, policyFor, m_config.idempotencyTtl, metrics};
    const OperationsContext operations{blockingPool,
                                       currentGate,
                                       m_config.redisEndpoint,
                                       m_config.databaseUrl,
                                       m_config.backendTimeout,
                                       metrics,
                                       [&worker]() -> std::optional<WorkerCounters> {
                                           if (!worker)
                                               return std::nullopt;
                                           return worker->counters();
                                       }};
    const AdminContext admin{blockingPool,       m_config.adminKeyDigest,    m_config.redisEndpoint,
                             m_config.databaseUrl, m_config.backendTimeout, policyFor,
                             m_config.configuredTenants()};
    Router router;
    if (m_config.role != ServerRole::Worker) {
        registerIngestRoutes(router, ingest);
        registerAdminRoutes(router, admin);
    }
    registerOperationsRoutes(router, operations);

    HttpListener listener(ioPool, router, ConnectionSettings{});
    ioPool.start();
    auto port = listener.listen(m_config.listen);
    if (!port) {
        logError("cannot listen", {{"error", port.error().message}});
        ioPool.stop();
        ioPool.join();
        return 1;
    }
    if (worker)
        worker->start();
    const std::string address = displayAddress(m_config.listen.host, *port);
    std::cout << "listening on " << address << std::endl;
    logInfo("listening", {{"address", address}, {"ioThreads", ioPool.size()}});

    const sigset_t signals = shutdownSignals();
    int received = 0;
    sigwait(&signals, &received);
    logInfo("shutting down", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});

    listener.stopAccepting();
    listener.drain();
    std::thread workerStop([&worker] {
        if (worker)
            worker->stop();
    });
    waitUntilDrained(listener);
    workerStop.join();
    ioPool.stop();
    ioPool.join();
    gates.clear();
    blockingPool.stop();
    logInfo("stopped");
    return 0;
}

int runMigrateCommand(const ServerConfig& config)
{
    auto migrated = applyMigrations(config.databaseUrl, config.backendTimeout);
    if (!migrated) {
        std::cerr << "mccig-server: migrations failed: " << migrated.error().message << std::endl;
        return 1;
    }
    std::cout << "applied " << *migrated << " migration(s); schema version " << latestSchemaVersion() << std::endl;
    return 0;
}

} // namespace mccig::server
