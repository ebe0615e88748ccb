#include "app/server_application.h"

#include "app/server_runtime.h"
#include "config/config_summary.h"
#include "log/json_log.h"
#include "mccig/postgres/migrations.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"

#include <csignal>
#include <iostream>

namespace mccig::server {
namespace {

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
    setLogThreshold(m_config.logLevel);
    logInfo("starting", {{"version", MCCIG_VERSION}, {"config", summarizeConfig(m_config)}});
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
    ServerRuntime runtime(m_config);
    const auto port = runtime.start();
    if (!port) {
        logError("cannot listen", {{"error", port.error().message}});
        return 1;
    }
    const std::string address = displayAddress(m_config.listen.host, *port);
    std::cout << "listening on " << address << std::endl;
    logInfo("listening", {{"address", address}, {"ioThreads", runtime.ioThreads()}});

    const sigset_t signals = shutdownSignals();
    int received = 0;
    sigwait(&signals, &received);
    logInfo("shutting down", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
    runtime.shutDown();
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
