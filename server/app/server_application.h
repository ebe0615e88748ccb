#pragma once

#include "config/server_config.h"

namespace mccig::server {

// The life cycle of a serving process (API.md §1): apply migrations, make
// sure the event stream exists, start the I/O threads (each with its own
// admission gate), the routes of the configured role, the listener and the
// worker; print "listening on HOST:PORT"; then wait for SIGTERM or SIGINT and
// shut down in order: stop accepting, finish requests in hand and the
// worker's batch, exit, all within 10 s.
//
// Construct and run on the main thread, before any other thread exists:
// run() blocks the two signals for the whole process.
class ServerApplication {
public:
    explicit ServerApplication(ServerConfig config);

    // Returns the process exit code: 0 after a signal, 1 when start-up fails.
    int run();

private:
    bool prepareBackends();
    int serve();

    ServerConfig m_config;
};

// `mccig-server migrate`: 0 when the schema is up to date, 1 on failure.
int runMigrateCommand(const ServerConfig& config);

} // namespace mccig::server
