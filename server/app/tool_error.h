#pragma once

#include "config/server_config.h"
#include "mccig/core/result.h"

#include <ostream>

namespace mccig::server {

// How a command beside the server (`keys`, `webhooks`) reports a failure:
// one line on `err`, naming the Redis it could not reach on an outage.
// Returns the exit code, 1.
int reportToolError(const Error& error, const ServerConfig& config, std::ostream& err);

} // namespace mccig::server
