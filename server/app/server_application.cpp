#include "app/server_application.h"

#include "app/backend_factory.h"
#include "app/server_runtime.h"
#include "app/shutdown_watchdog.h"
#include "app/stdin_watch.h"
#include "config/config_summary.h"
#include "http/server_tls_context.h"
#include "log/json_log.h"

#include <csignal>
#include <iostream>
#include <optional>
#include <stdexcept>

namespace mccig::server {
namespace {

// From the start of the shutdown (after any grace) to the exit, whatever the
// backends do: API.md §1 promises an exit within 10 s of SIGTERM.
constexpr std::chrono::milliseconds kShutdownBudget{8000};

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
    auto backend = openBackend(m_config, BackendUse::Serve);
    if (!backend) {
        logError("cannot open the backend", {{"error", backend.error().message}});
        // A data dir that cannot be used is the user's to fix, like a bad flag.
        return backend.error().kind == ErrorKind::Rejected ? 2 : 1;
    }
    if (m_config.usesEmbeddedBackend())
        logInfo("embedded backend", {{"dataDir", m_config.dataDir},
                                     {"dataDirSource", m_config.dataDirIsDefault ? "user data folder" : "given"},
                                     {"fullFsync", m_config.fullFsync}});
    auto prepared = (*backend)->prepare();
    if (!prepared) {
        logError("cannot prepare the backend", {{"error", prepared.error().message}});
        return 1;
    }
    logInfo("backend ready", {{"backend", (*backend)->kind()}, {"migrationsApplied", *prepared}});
    return serve(std::move(*backend));
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

int ServerApplication::serve(std::shared_ptr<Backend> backend)
{
    // Made before the runtime, so that it also bounds the runtime's teardown.
    std::optional<ShutdownWatchdog> watchdog;
    ServerRuntime runtime(m_config, std::move(backend), m_tls.get());
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

    if (m_config.stopWithStdin)
        stopWhenStdinCloses();
    const sigset_t signals = handledSignals();
    int received = 0;
    while (sigwait(&signals, &received) == 0 && received == SIGHUP)
        reloadTls();
    logInfo("shutting down", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
    // An orchestrator's SIGTERM: readiness fails first and serving goes on for
    // the grace, so the load balancer stops sending before connections close.
    // Ctrl-C, or a second signal, does not wait.
    if (received == SIGTERM && m_config.shutdownGrace.count() > 0) {
        runtime.failReadiness();
        logInfo("unready; serving until the grace ends", {{"graceSeconds", m_config.shutdownGrace.count()}});
        const timespec grace{static_cast<time_t>(m_config.shutdownGrace.count()), 0};
        sigtimedwait(&signals, nullptr, &grace);
    }
    watchdog.emplace(kShutdownBudget);
    runtime.shutDown();
    logInfo("stopped");
    return 0;
}

int runMigrateCommand(const ServerConfig& config)
{
    auto backend = openBackend(config, BackendUse::Tool);
    auto migrated = backend ? (*backend)->migrateSchema() : Result<int>(std::unexpected(backend.error()));
    if (!migrated) {
        std::cerr << "mccig-server: migrations failed: " << migrated.error().message << std::endl;
        return 1;
    }
    // Which data dir, so a lost --database-url does not pass for a migrated database.
    std::cout << "applied " << *migrated << " migration(s)"
              << (config.usesEmbeddedBackend() ? " to the data dir " + config.dataDir : std::string()) << std::endl;
    return 0;
}

} // namespace mccig::server
