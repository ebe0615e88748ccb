#include "app/server_application.h"

#include "app/server_runtime.h"
#include "config/config_summary.h"
#include "http/server_tls_context.h"
#include "log/json_log.h"
#include "mccig/postgres/migrations.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"

#include <csignal>
#include <iostream>
#include <stdexcept>

namespace mccig::server {
namespace {

// SIGTERM and SIGINT stop the server; SIGHUP rereads the TLS files.
sigset_t handledSignals()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGHUP);
    return signals;
}

nlohmann::json describe(const TlsCertificateInfo& certificate)
{
    return {{"subject", certificate.subject}, {"serial", certificate.serial}, {"notAfter", certificate.notAfter}};
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

ServerApplication::~ServerApplication() = default;

int ServerApplication::run()
{
    // Blocked before any thread starts, so every thread inherits the mask and
    // only sigwait() in serve() ever sees the signals.
    const sigset_t signals = handledSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    setLogThreshold(m_config.logLevel);
    loadTls();
    logInfo("starting", {{"version", MCCIG_VERSION}, {"config", summarizeConfig(m_config)}});
    if (!prepareBackends())
        return 1;
    return serve();
}

void ServerApplication::loadTls()
{
    if (!m_config.tls.enabled())
        return;
    auto loaded = ServerTlsContext::load(m_config.tls);
    if (!loaded) // a configuration error, like a malformed flag
        throw std::runtime_error(loaded.error().message);
    m_tls = std::move(*loaded);
}

void ServerApplication::reloadTls()
{
    if (!m_tls) {
        logInfo("SIGHUP: nothing to reload, TLS is off");
        return;
    }
    if (auto reloaded = m_tls->reload(); !reloaded) {
        logError("TLS reload failed; the certificate in use stays", {{"error", reloaded.error().message}});
        return;
    }
    logInfo("TLS certificate reloaded", {{"certificate", describe(m_tls->certificate())}});
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
    ServerRuntime runtime(m_config, m_tls.get());
    const auto port = runtime.start();
    if (!port) {
        logError("cannot listen", {{"error", port.error().message}});
        return 1;
    }
    const std::string address = displayAddress(m_config.listen.host, *port);
    std::cout << "listening on " << address << std::endl;
    logInfo("listening", {{"address", address},
                          {"ioThreads", runtime.ioThreads()},
                          {"tls", m_tls ? describe(m_tls->certificate()) : nlohmann::json("off")}});

    const sigset_t signals = handledSignals();
    int received = 0;
    while (sigwait(&signals, &received) == 0 && received == SIGHUP)
        reloadTls();
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
