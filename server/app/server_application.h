#pragma once

#include "config/server_config.h"
#include "mccig/ports/backend.h"

#include <memory>

namespace mccig::server {

class ServerTlsContext;

// The life cycle of a serving process (API.md §1): open the backend the
// configuration names and prepare it (migrations, the queue), start the I/O threads (each with its own
// admission gate), the routes of the configured role, the listener and the
// worker; print "listening on HOST:PORT"; then wait for SIGTERM or SIGINT and
// shut down in order: stop accepting, finish requests in hand and the
// worker's batch, exit, all within 10 s. With TLS, the certificate and key are
// read first, and read again on each SIGHUP.
//
// Construct and run on the main thread, before any other thread exists:
// run() blocks the three signals for the whole process.
class ServerApplication {
public:
    explicit ServerApplication(ServerConfig config);
    ~ServerApplication();

    // Returns the process exit code: 0 after a signal, 1 when start-up fails,
    // 2 when the embedded data dir cannot be used. Throws std::runtime_error
    // when the TLS files cannot be used (exit 2).
    int run();

private:
    void loadTls();
    void reloadTls();
    int serve(std::shared_ptr<Backend> backend);

    ServerConfig m_config;
    std::unique_ptr<ServerTlsContext> m_tls; // none for plain HTTP
};

// `mccig-server migrate`: 0 when the schema is up to date, 1 on failure.
int runMigrateCommand(const ServerConfig& config);

} // namespace mccig::server
