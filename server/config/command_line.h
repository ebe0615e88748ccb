#pragma once

#include "config/server_config.h"
#include "keys/keys_request.h"
#include "transfer/export_command.h"
#include "webhooks/webhooks_request.h"

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mccig::server {

enum class ServerCommand {
    Run,     // serve (the default)
    Migrate, // apply the database migrations and exit
    Keys,    // manage the API keys stored in Redis, then exit
    Webhooks, // manage the stored provider webhook secrets, then exit
    Export,  // write the stored events (and dead letters) as NDJSON, then exit
    Import,  // load an export into this backend, then exit
    Healthcheck, // ask the running server for /healthz; the exit code says healthy or not
    Help,
    Version,
};

struct CommandLine {
    ServerCommand command = ServerCommand::Run;
    ServerConfig config;
    KeysRequest keys; // ServerCommand::Keys
    WebhooksRequest webhooks; // ServerCommand::Webhooks
    ExportRequest exportRequest; // ServerCommand::Export
};

// Reads an environment variable; nothing when unset. Injected so tests need
// not touch the process environment.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment.
std::optional<std::string> processEnvironment(const std::string& name);

// Parses the arguments after the program name, with the environment as
// fallback for every setting (a flag wins over its variable). Accepts
// "--flag value" and "--flag=value". On any unknown flag, malformed value or
// inconsistent combination returns a one-line message naming the culprit;
// main() prints it and exits 2 (API.md §1).
std::expected<CommandLine, std::string> parseCommandLine(const std::vector<std::string>& args,
                                                         const EnvironmentLookup& environment);

// The text --help prints.
std::string usageText();

} // namespace mccig::server
