#pragma once

#include "mccig/core/result.h"

#include <chrono>
#include <string>

namespace mccig::server {

// Connects to PostgreSQL and runs SELECT 1, bounded by about `timeout`
// (libpq counts connect timeouts in whole seconds, at least 2). Blocks:
// call it on a BlockingPool thread, never on an I/O thread.
Result<void> probeDatabase(const std::string& databaseUrl, std::chrono::milliseconds timeout);

} // namespace mccig::server
