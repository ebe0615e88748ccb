#include "config/command_line.h"

#include "mccig/core/user_data_folder.h"

#include "mccig/domain/tenant_id.h"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string_view>

namespace mccig::server {
namespace {

using ParseResult = std::expected<void, std::string>;
using Setter = ParseResult (*)(ServerConfig&, const std::string& value);

// One setting of API.md §1: its flag, its variable, and how a value lands in the config.
struct Option {
    std::string_view flag;
    std::string_view env;
    bool takesValue;
    Setter set;
};

std::unexpected<std::string> bad(std::string_view what, std::string_view value)
{
    return std::unexpected(std::string(what) + ": '" + std::string(value) + "'");
}

std::optional<long long> parseInteger(std::string_view text, long long min, long long max)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

std::vector<std::string_view> splitList(std::string_view text)
{
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string_view::npos)
            comma = text.size();
        items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

bool isIpAddress(const std::string& host)
{
    boost::system::error_code error;
    boost::asio::ip::make_address(host, error);
    return !error;
}

ParseResult setListen(ServerConfig& config, const std::string& value)
{
    const auto colon = value.rfind(':');
    if (colon == std::string::npos)
        return bad("listen address must be HOST:PORT", value);
    std::string host = value.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost")
        host = "127.0.0.1";
    const auto port = parseInteger(std::string_view(value).substr(colon + 1), 0, 65535);
    if (!isIpAddress(host) || !port)
        return bad("listen address must be an IP address and a port 0-65535", value);
    config.listen = ListenAddress{host, static_cast<int>(*port)};
    return {};
}

ParseResult setRole(ServerConfig& config, const std::string& value)
{
    if (value == "api")
        config.role = ServerRole::Api;
    else if (value == "worker")
        config.role = ServerRole::Worker;
    else if (value == "all")
        config.role = ServerRole::All;
    else
        return bad("role must be api, worker or all", value);
    return {};
}

ParseResult setRedisUrl(ServerConfig& config, const std::string& value)
{
    auto endpoint = parseRedisUrl(value);
    if (!endpoint) // the URL may hold a password: never echo it
        return std::unexpected(endpoint.error().message);
    config.redisUrl = value;
    config.redisEndpoint = *endpoint;
    return {};
}

ParseResult setDatabaseUrl(ServerConfig& config, const std::string& value)
{
    if (!value.starts_with("postgresql://") && !value.starts_with("postgres://"))
        return bad("database URL must start with postgresql://", value);
    config.databaseUrl = value;
    return {};
}

ParseResult setDataDir(ServerConfig& config, const std::string& value)
{
    if (value.empty())
        return bad("data directory must not be empty", value);
    config.dataDir = value;
    return {};
}

ParseResult setApiKeys(ServerConfig& config, const std::string& value)
{
    std::vector<TenantKey> keys;
    for (const auto item : splitList(value)) {
        const auto colon = item.find(':');
        if (colon == std::string_view::npos || colon + 1 == item.size())
            // The item may be a bare secret: never echo it.
            return std::unexpected(std::string("API keys must be tenant:key[,tenant:key...]"));
        const auto tenant = item.substr(0, colon);
        if (!isValidTenantId(tenant))
            return bad("invalid tenant id in API keys (must match ^[a-z0-9][a-z0-9_-]{0,63}$)", tenant);
        const auto digest = digestSecret(item.substr(colon + 1));
        const bool reused = std::any_of(keys.begin(), keys.end(),
                                        [&](const TenantKey& key) { return key.keyDigest == digest; });
        if (reused)
            return bad("the same API key is given twice", tenant);
        keys.push_back(TenantKey{std::string(tenant), digest});
    }
    config.apiKeys = std::move(keys);
    return {};
}

ParseResult setAdminKey(ServerConfig& config, const std::string& value)
{
    if (value.empty())
        return bad("admin key must not be empty", value);
    config.adminKeyDigest = digestSecret(value);
    return {};
}

// The contents of a secret file, without the trailing line break editors add.
// The error names the file, never what is in it.
std::expected<std::string, std::string> readSecretFile(std::string_view what, const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream contents;
    if (!file || !(contents << file.rdbuf()))
        return std::unexpected("cannot read the " + std::string(what) + " file '" + path + "'");
    std::string text = contents.str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

ParseResult setApiKeysFile(ServerConfig& config, const std::string& value)
{
    auto text = readSecretFile("API keys", value);
    if (!text)
        return std::unexpected(text.error());
    // One tenant:key per line is also accepted.
    std::replace(text->begin(), text->end(), '\n', ',');
    text->erase(std::remove(text->begin(), text->end(), '\r'), text->end());
    return setApiKeys(config, *text);
}

ParseResult setAdminKeyFile(ServerConfig& config, const std::string& value)
{
    const auto text = readSecretFile("admin key", value);
    if (!text)
        return std::unexpected(text.error());
    return setAdminKey(config, *text);
}

// TLS files are only named here; ServerApplication reads and checks them at
// start-up (and again on SIGHUP), where a bad one also means exit 2.
ParseResult setTlsFile(std::string& target, std::string_view what, const std::string& value)
{
    if (value.empty())
        return bad(std::string(what) + " file name must not be empty", value);
    target = value;
    return {};
}

ParseResult setTlsCertificate(ServerConfig& c, const std::string& v)
{
    return setTlsFile(c.tls.certificateFile, "TLS certificate", v);
}

ParseResult setTlsKey(ServerConfig& c, const std::string& v) { return setTlsFile(c.tls.keyFile, "TLS key", v); }

ParseResult setTlsClientCa(ServerConfig& c, const std::string& v)
{
    return setTlsFile(c.tls.clientCaFile, "TLS client CA", v);
}

// What --rate-limit and each --tenant-rate-limits entry must look like (parseRateLimitPolicy's bounds).
constexpr std::string_view kRateLimitForm = "CAP:RATE, capacity 1 to 1e9, refill per second 0.000001 to 1e9";

ParseResult setRateLimit(ServerConfig& config, const std::string& value)
{
    const auto policy = parseRateLimitPolicy(value);
    if (!policy)
        return bad("rate limit must be " + std::string(kRateLimitForm), value);
    config.defaultRateLimit = *policy;
    return {};
}

ParseResult setTenantRateLimits(ServerConfig& config, const std::string& value)
{
    std::map<std::string, RateLimitPolicy> limits;
    for (const auto item : splitList(value)) {
        const auto eq = item.find('=');
        const auto tenant = item.substr(0, eq);
        if (eq == std::string_view::npos || !isValidTenantId(tenant))
            return bad("tenant rate limits must be tenant=CAP:RATE[,...] with valid tenant ids", item);
        const auto policy = parseRateLimitPolicy(item.substr(eq + 1));
        if (!policy)
            return bad("tenant rate limit must be " + std::string(kRateLimitForm), item);
        if (!limits.emplace(std::string(tenant), *policy).second)
            return bad("tenant rate limit given twice", tenant);
    }
    config.tenantRateLimits = std::move(limits);
    return {};
}

template <typename Duration, long long kMin, long long kMax>
ParseResult setDuration(Duration& target, std::string_view what, const std::string& value)
{
    const auto parsed = parseInteger(value, kMin, kMax);
    if (!parsed)
        return bad(std::string(what) + " must be an integer " + std::to_string(kMin) + "-" + std::to_string(kMax),
                   value);
    target = Duration(*parsed);
    return {};
}

constexpr long long kDayMs = 86'400'000;

ParseResult setIdempotencyTtl(ServerConfig& c, const std::string& v)
{
    return setDuration<std::chrono::seconds, 1, 31'536'000>(c.idempotencyTtl, "idempotency TTL (seconds)", v);
}

ParseResult setCount(int& target, std::string_view what, int min, int max, const std::string& value)
{
    const auto parsed = parseInteger(value, min, max);
    if (!parsed)
        return bad(std::string(what) + " must be an integer " + std::to_string(min) + "-" + std::to_string(max), value);
    target = static_cast<int>(*parsed);
    return {};
}

ParseResult setMaxAttempts(ServerConfig& c, const std::string& v)
{
    return setCount(c.maxAttempts, "max attempts", 1, 1000, v);
}

ParseResult setRetryBase(ServerConfig& c, const std::string& v)
{
    return setDuration<std::chrono::milliseconds, 1, 60'000>(c.retryBase, "retry base (ms)", v);
}

ParseResult setClaimIdle(ServerConfig& c, const std::string& v)
{
    return setDuration<std::chrono::milliseconds, 1, kDayMs>(c.claimIdle, "claim idle time (ms)", v);
}

ParseResult setBackendTimeout(ServerConfig& c, const std::string& v)
{
    return setDuration<std::chrono::milliseconds, 1, 600'000>(c.backendTimeout, "backend timeout (ms)", v);
}

ParseResult setAdmissionBatchMax(ServerConfig& c, const std::string& v)
{
    return setCount(c.admissionBatchMax, "admission batch size", 1, 1000, v);
}

ParseResult setShutdownGrace(ServerConfig& c, const std::string& v)
{
    return setDuration<std::chrono::seconds, 0, 300>(c.shutdownGrace, "shutdown grace (seconds)", v);
}

ParseResult setIoThreads(ServerConfig& c, const std::string& v)
{
    return setCount(c.ioThreads, "I/O threads", 1, 256, v);
}

ParseResult setMaxConnections(ServerConfig& c, const std::string& v)
{
    return setCount(c.maxConnections, "max connections", 1, 1'000'000, v);
}

std::optional<bool> parseSwitch(const std::string& value)
{
    if (value == "true" || value == "1" || value == "yes" || value == "on")
        return true;
    if (value == "false" || value == "0" || value == "no" || value == "off" || value.empty())
        return false;
    return std::nullopt;
}

ParseResult setSimulationMode(ServerConfig& config, const std::string& value)
{
    const auto on = parseSwitch(value);
    if (!on)
        return bad("simulation mode must be true or false", value);
    config.simulationMode = *on;
    return {};
}

ParseResult setStopWithStdin(ServerConfig& config, const std::string& value)
{
    const auto on = parseSwitch(value);
    if (!on)
        return bad("stop with stdin must be true or false", value);
    config.stopWithStdin = *on;
    return {};
}

ParseResult setFullFsync(ServerConfig& config, const std::string& value)
{
    const auto on = parseSwitch(value);
    if (!on)
        return bad("full fsync must be true or false", value);
    config.fullFsync = *on;
    return {};
}

ParseResult setAccessLog(ServerConfig& config, const std::string& value)
{
    const auto on = parseSwitch(value);
    if (!on)
        return bad("access log must be true or false", value);
    config.accessLog = *on;
    return {};
}

// scheme://host[:port][/prefix], http or https, nothing after the path.
ParseResult setPublicUrl(ServerConfig& config, const std::string& value)
{
    std::string_view url(value);
    const auto scheme = url.find("://");
    const auto schemeName = url.substr(0, scheme);
    const bool knownScheme = scheme != std::string_view::npos && (schemeName == "http" || schemeName == "https");
    const auto rest = knownScheme ? url.substr(scheme + 3) : std::string_view{};
    if (!knownScheme || rest.empty() || rest.front() == '/' || rest.find_first_of("?# ") != std::string_view::npos)
        return bad("public URL must be http(s)://host[:port][/path], without query or fragment", value);
    while (url.ends_with('/'))
        url.remove_suffix(1);
    config.publicUrl = std::string(url);
    return {};
}

ParseResult setLogLevel(ServerConfig& config, const std::string& value)
{
    const auto level = parseLogLevel(value);
    if (!level)
        return bad("log level must be debug, info, warning or error", value);
    config.logLevel = *level;
    return {};
}

constexpr Option kOptions[] = {
    {"--listen", "MCCIG_LISTEN", true, setListen},
    {"--role", "MCCIG_ROLE", true, setRole},
    {"--tls-cert", "MCCIG_TLS_CERT", true, setTlsCertificate},
    {"--tls-key", "MCCIG_TLS_KEY", true, setTlsKey},
    {"--tls-client-ca", "MCCIG_TLS_CLIENT_CA", true, setTlsClientCa},
    {"--redis-url", "MCCIG_REDIS_URL", true, setRedisUrl},
    {"--database-url", "MCCIG_DATABASE_URL", true, setDatabaseUrl},
    {"--data-dir", "MCCIG_DATA_DIR", true, setDataDir},
    {"--full-fsync", "MCCIG_FULL_FSYNC", false, setFullFsync},
    {"--api-keys", "MCCIG_API_KEYS", true, setApiKeys},
    {"--admin-key", "MCCIG_ADMIN_KEY", true, setAdminKey},
    {"--api-keys-file", "MCCIG_API_KEYS_FILE", true, setApiKeysFile},
    {"--admin-key-file", "MCCIG_ADMIN_KEY_FILE", true, setAdminKeyFile},
    {"--rate-limit", "MCCIG_RATE_LIMIT", true, setRateLimit},
    {"--tenant-rate-limits", "MCCIG_TENANT_RATE_LIMITS", true, setTenantRateLimits},
    {"--idempotency-ttl", "MCCIG_IDEMPOTENCY_TTL", true, setIdempotencyTtl},
    {"--max-attempts", "MCCIG_MAX_ATTEMPTS", true, setMaxAttempts},
    {"--retry-base-ms", "MCCIG_RETRY_BASE_MS", true, setRetryBase},
    {"--claim-idle-ms", "MCCIG_CLAIM_IDLE_MS", true, setClaimIdle},
    {"--backend-timeout-ms", "MCCIG_BACKEND_TIMEOUT_MS", true, setBackendTimeout},
    {"--admission-batch-max", "MCCIG_ADMISSION_BATCH_MAX", true, setAdmissionBatchMax},
    {"--shutdown-grace", "MCCIG_SHUTDOWN_GRACE", true, setShutdownGrace},
    {"--simulation-mode", "MCCIG_SIMULATION_MODE", false, setSimulationMode},
    {"--stop-with-stdin", "MCCIG_STOP_WITH_STDIN", false, setStopWithStdin},
    {"--io-threads", "MCCIG_IO_THREADS", true, setIoThreads},
    {"--max-connections", "MCCIG_MAX_CONNECTIONS", true, setMaxConnections},
    {"--log-level", "MCCIG_LOG_LEVEL", true, setLogLevel},
    {"--access-log", "MCCIG_ACCESS_LOG", false, setAccessLog},
    {"--public-url", "MCCIG_PUBLIC_URL", true, setPublicUrl},
};

const Option* findOption(std::string_view flag)
{
    const auto found = std::find_if(std::begin(kOptions), std::end(kOptions),
                                    [&](const Option& option) { return option.flag == flag; });
    return found == std::end(kOptions) ? nullptr : found;
}

// --api-keys and --api-keys-file (or MCCIG_API_KEYS_FILE) give one setting.
std::string_view settingOf(const Option& option)
{
    std::string_view flag = option.flag;
    if (flag.ends_with("-file"))
        flag.remove_suffix(5);
    return flag;
}

// A variable whose setting is also given as a flag is not read at all: the
// flag wins, even over a value that would not parse or a file that is missing.
ParseResult applyEnvironment(ServerConfig& config, const EnvironmentLookup& environment,
                             const std::vector<std::pair<const Option*, std::string>>& flags)
{
    for (const auto& option : kOptions) {
        const auto givenAsFlag = [&option](const auto& flag) { return settingOf(*flag.first) == settingOf(option); };
        if (std::ranges::any_of(flags, givenAsFlag))
            continue;
        const auto value = environment(std::string(option.env));
        if (!value)
            continue;
        if (auto applied = option.set(config, *value); !applied)
            return std::unexpected(std::string(option.env) + ": " + applied.error());
    }
    return {};
}

std::expected<ServerCommand, std::string> parseSubcommand(std::string_view word)
{
    if (word == "migrate")
        return ServerCommand::Migrate;
    if (word == "keys")
        return ServerCommand::Keys;
    if (word == "webhooks")
        return ServerCommand::Webhooks;
    if (word == "healthcheck")
        return ServerCommand::Healthcheck;
    if (word == "export")
        return ServerCommand::Export;
    if (word == "import")
        return ServerCommand::Import;
    return std::unexpected("unknown argument: '" + std::string(word) + "' (see --help)");
}

struct FlagScan {
    std::optional<ServerCommand> command;
    std::vector<std::pair<const Option*, std::string>> values;
    std::vector<std::string> commandWords; // the words after "keys" or "webhooks"
    bool withDeadLetters = false;          // export --with-dead-letters
};

std::expected<FlagScan, std::string> scanArguments(const std::vector<std::string>& args)
{
    FlagScan scan;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h")
            return FlagScan{ServerCommand::Help, {}, {}, false};
        if (arg == "--version")
            return FlagScan{ServerCommand::Version, {}, {}, false};
        if (arg == "--with-dead-letters" && scan.command == ServerCommand::Export) {
            scan.withDeadLetters = true;
            continue;
        }
        if (!arg.starts_with("--")) {
            if (scan.command == ServerCommand::Keys || scan.command == ServerCommand::Webhooks) {
                scan.commandWords.push_back(arg);
                continue;
            }
            if (scan.command || i != 0)
                return std::unexpected("unexpected argument: '" + arg + "' (see --help)");
            auto command = parseSubcommand(arg);
            if (!command)
                return std::unexpected(command.error());
            scan.command = *command;
            continue;
        }
        const auto eq = arg.find('=');
        const Option* option = findOption(std::string_view(arg).substr(0, eq));
        if (!option)
            return std::unexpected("unknown flag: '" + arg.substr(0, eq) + "' (see --help)");
        if (eq != std::string::npos)
            scan.values.emplace_back(option, arg.substr(eq + 1));
        else if (!option->takesValue)
            scan.values.emplace_back(option, "true");
        else if (i + 1 < args.size() && !args[i + 1].starts_with("--"))
            scan.values.emplace_back(option, args[++i]);
        else
            return std::unexpected(std::string(option->flag) + " needs a value");
    }
    return scan;
}

ParseResult checkTlsFiles(const TlsFiles& tls)
{
    if (tls.certificateFile.empty() != tls.keyFile.empty())
        return std::unexpected(std::string("--tls-cert and --tls-key must be set together (or neither)"));
    if (!tls.clientCaFile.empty() && !tls.enabled())
        return std::unexpected(std::string("--tls-client-ca needs --tls-cert and --tls-key"));
    return {};
}

// With neither URL the embedded backend serves, in --data-dir or else the
// user's data folder.
ParseResult resolveDataDir(ServerConfig& config)
{
    if (!config.dataDir.empty())
        return {};
    const auto folder = userDataFolder();
    if (!folder)
        return std::unexpected(std::string("no --data-dir given and no home folder to keep the data in; "
                                           "pass --data-dir (or MCCIG_DATA_DIR)"));
    config.dataDir = folder->string();
    config.dataDirIsDefault = true;
    return {};
}

ParseResult checkBackendChoice(ServerCommand command, ServerConfig& config)
{
    if (command == ServerCommand::Healthcheck)
        return {}; // talks to the running server only
    if (command == ServerCommand::Migrate) {
        // PostgreSQL's schema needs only its URL; with neither URL, the embedded data dir's.
        if (!config.databaseUrl.empty())
            return {};
        if (!config.redisUrl.empty())
            return std::unexpected(std::string("migrate needs --database-url (or MCCIG_DATABASE_URL), or neither URL "
                                               "for the embedded backend's --data-dir"));
        return resolveDataDir(config);
    }
    if (command == ServerCommand::Export || command == ServerCommand::Import) {
        if (config.redisUrl.empty() != config.databaseUrl.empty())
            return std::unexpected(std::string("--redis-url and --database-url must be set together (or neither, "
                                               "for the embedded backend's --data-dir)"));
        return config.usesEmbeddedBackend() ? resolveDataDir(config) : ParseResult{};
    }
    if (command == ServerCommand::Keys || command == ServerCommand::Webhooks) {
        // Keys and secrets live where ingest reads them: in Redis, or in the data dir.
        if (!config.databaseUrl.empty() && config.redisUrl.empty())
            return std::unexpected(std::string(command == ServerCommand::Keys ? "keys" : "webhook secrets")
                                   + " are stored in Redis: pass --redis-url (or neither URL for "
                                     "the embedded backend's --data-dir)");
        return config.redisUrl.empty() ? resolveDataDir(config) : ParseResult{};
    }
    if (config.redisUrl.empty() != config.databaseUrl.empty())
        return std::unexpected(std::string("--redis-url and --database-url must be set together (or neither, "
                                           "for the embedded backend)"));
    if (!config.usesEmbeddedBackend())
        return {};
    if (config.role != ServerRole::All)
        return std::unexpected(std::string("the embedded backend runs the API and the worker in one process: "
                                           "--role must be all (or give --redis-url and --database-url)"));
    return resolveDataDir(config);
}

} // namespace

std::optional<std::string> processEnvironment(const std::string& name)
{
    const char* value = std::getenv(name.c_str());
    if (value == nullptr)
        return std::nullopt;
    return std::string(value);
}

std::expected<CommandLine, std::string> parseCommandLine(const std::vector<std::string>& args,
                                                         const EnvironmentLookup& environment)
{
    auto scan = scanArguments(args);
    if (!scan)
        return std::unexpected(scan.error());
    CommandLine result;
    result.command = scan->command.value_or(ServerCommand::Run);
    if (result.command == ServerCommand::Help || result.command == ServerCommand::Version)
        return result;
    if (result.command == ServerCommand::Keys) {
        auto keys = parseKeysRequest(scan->commandWords);
        if (!keys)
            return std::unexpected(keys.error());
        result.keys = *keys;
    }
    if (result.command == ServerCommand::Webhooks) {
        auto webhooks = parseWebhooksRequest(scan->commandWords);
        if (!webhooks)
            return std::unexpected(webhooks.error());
        result.webhooks = *webhooks;
    }
    result.exportRequest.withDeadLetters = scan->withDeadLetters;
    if (auto fromEnvironment = applyEnvironment(result.config, environment, scan->values); !fromEnvironment)
        return std::unexpected(fromEnvironment.error());
    for (const auto& [option, value] : scan->values) {
        if (auto applied = option->set(result.config, value); !applied)
            return std::unexpected(std::string(option->flag) + ": " + applied.error());
    }
    if (auto tls = checkTlsFiles(result.config.tls); !tls)
        return std::unexpected(tls.error());
    if (auto backend = checkBackendChoice(result.command, result.config); !backend)
        return std::unexpected(backend.error());
    return result;
}

std::string usageText()
{
    return R"(Usage: mccig-server [options]
       mccig-server migrate [options]
       mccig-server healthcheck [--listen HOST:PORT]
       mccig-server keys add TENANT | keys list [TENANT] | keys revoke KEY-ID [options]
       mccig-server webhooks set TENANT PROVIDER | webhooks list [TENANT] | webhooks remove SECRET-ID [options]
       mccig-server export [--with-dead-letters] [options] > FILE
       mccig-server import [options] < FILE

Multi-channel communication ingestion gateway: HTTP ingest API, admin API and worker.
Every option may also be set by its environment variable; a flag wins.

Commands:
  (none)                        serve
  migrate                       apply the database migrations (PostgreSQL's, or with neither URL the
                                embedded data dir's) and exit
  keys add TENANT               store a new random API key for TENANT and print it (shown only this once)
  keys list [TENANT]            print KEY-ID, tenant and creation time of each stored key (never the key)
  keys revoke KEY-ID            delete a stored key; running servers refuse it within 2 s
                                (keys commands need only --redis-url, or --data-dir on the embedded
                                backend, beside a running server; --api-keys keys are not stored)
  webhooks set TENANT PROVIDER  store a webhook secret read from stdin; PROVIDER is twilio (auth token),
                                whatsapp (app secret), whatsapp-verify (verify token) or standard
                                (whsec_ secret); several per tenant and provider are valid at once
  webhooks list [TENANT]        print SECRET-ID, tenant, provider and creation time (never the secret)
  webhooks remove SECRET-ID     delete a stored secret; running servers refuse it within 2 s
  export                        write the stored events as NDJSON on stdout, newest first, and exit;
                                --with-dead-letters adds the dead-letter queue (runs beside a server)
  import                        load an export from stdin, skipping events stored already; dead
                                letters are queued for another attempt (docs/embedded-backend.md)
  healthcheck                   exit 0 if the server at --listen answers GET /healthz with 200, else 1
                                (a wildcard address is asked on loopback; for container health checks)

Options:
  --listen HOST:PORT            MCCIG_LISTEN              HTTP listen address (127.0.0.1:8080; port 0 picks one)
  --role api|worker|all         MCCIG_ROLE                what this process runs (all)
  --tls-cert FILE               MCCIG_TLS_CERT            serve HTTPS with this PEM certificate (chain);
                                                          reread with the key on SIGHUP
  --tls-key FILE                MCCIG_TLS_KEY             the certificate's PEM private key
  --tls-client-ca FILE          MCCIG_TLS_CLIENT_CA       mutual TLS: clients need a certificate this CA signed
  --redis-url URL               MCCIG_REDIS_URL           redis://[[user]:password@]host:port[/db] (no rediss://)
  --database-url URL            MCCIG_DATABASE_URL        postgresql://user[:pw]@host:port/db
  --data-dir DIR                MCCIG_DATA_DIR            embedded backend's files, used when neither URL is set
                                (the user's data folder, e.g. ~/.local/share/mccig)
  --full-fsync                  MCCIG_FULL_FSYNC          embedded backend: sync every commit to disk
  --api-keys-file PATH          MCCIG_API_KEYS_FILE       tenant:key entries, one per line or comma-separated
  --admin-key-file PATH         MCCIG_ADMIN_KEY_FILE      key for /v1/admin/* (unset: admin routes answer 404)
  --api-keys LIST               MCCIG_API_KEYS            tenant:key[,tenant:key...]
  --admin-key KEY               MCCIG_ADMIN_KEY           the admin key itself
                                Prefer the files or the variables for keys: any local user can read
                                a process's flags (ps, /proc/PID/cmdline).
  --rate-limit CAP:RATE         MCCIG_RATE_LIMIT          default per-tenant token bucket (100:50)
  --tenant-rate-limits LIST     MCCIG_TENANT_RATE_LIMITS  tenant=CAP:RATE[,...] overrides
  --idempotency-ttl SECONDS     MCCIG_IDEMPOTENCY_TTL     dedupe window (86400)
  --max-attempts N              MCCIG_MAX_ATTEMPTS        worker attempts before the dead-letter queue (5)
  --retry-base-ms MS            MCCIG_RETRY_BASE_MS       first retry delay, doubling, capped at 60 s (500)
  --claim-idle-ms MS            MCCIG_CLAIM_IDLE_MS       take over messages a dead worker held this long (30000)
  --backend-timeout-ms MS       MCCIG_BACKEND_TIMEOUT_MS  backend call timeout (2000)
  --admission-batch-max N       MCCIG_ADMISSION_BATCH_MAX Redis backend: most admissions an I/O thread
                                sends in one Redis call; 1 turns batching off (32)
  --shutdown-grace SECONDS      MCCIG_SHUTDOWN_GRACE      after SIGTERM, answer /readyz 503 and keep serving this
                                long before draining and stopping (0; behind a load balancer, the time it
                                takes to stop sending here)
  --simulation-mode             MCCIG_SIMULATION_MODE     fail events whose metadata.simulateFailure is true
  --stop-with-stdin             MCCIG_STOP_WITH_STDIN     stop, as on Ctrl-C, when standard input ends (for a
                                parent process whose exit, however it happens, must stop the server)
  --io-threads N                MCCIG_IO_THREADS          HTTP I/O threads (1 per core)
  --max-connections N           MCCIG_MAX_CONNECTIONS     open HTTP connections; more get 503 (3/4 of ulimit -n)
  --log-level LEVEL             MCCIG_LOG_LEVEL           debug, info, warning or error (info)
  --access-log                  MCCIG_ACCESS_LOG          log one line per answered request
  --public-url URL              MCCIG_PUBLIC_URL          the base URL providers post webhooks to, e.g.
                                https://gw.example.com (Twilio signs the URL it used; unset: the Host header)
  --help                        print this text
  --version                     print the version
)";
}

} // namespace mccig::server
