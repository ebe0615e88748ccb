#pragma once

#include "config/server_config.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mccig::server {

// Every setting in effect, for the start-up log line. Secrets never appear:
// URL passwords become "***", API keys are shown as their tenants only, the
// admin key as whether it is set.
nlohmann::json summarizeConfig(const ServerConfig& config);

// A URL with the password of its user-info (and a password= parameter) replaced by "***".
std::string redactUrl(std::string_view url);

} // namespace mccig::server
