#pragma once

#include "config/server_config.h"
#include "mccig/core/result.h"
#include "mccig/ports/backend.h"

#include <memory>

namespace mccig::server {

enum class BackendUse {
    Serve, // a serving process: the embedded backend takes its data dir's lock
    Tool,  // a command beside a running server (keys, migrate): no lock, no admissions
};

// The backend the configuration names: Redis + PostgreSQL when the URLs are
// set, else the embedded backend in config.dataDir. The one place where the
// server meets a concrete backend. ErrorKind::Rejected: the data dir cannot
// be used (held by another process, unwritable, written by a newer version).
Result<std::shared_ptr<Backend>> openBackend(const ServerConfig& config, BackendUse use);

} // namespace mccig::server
