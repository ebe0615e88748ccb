#include "config/command_line.h"
#include "config/config_summary.h"

#include "mccig/core/secret_digest.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include <map>
#include <thread>

using namespace mccig;
using namespace mccig::server;

namespace {

const std::vector<std::string> kBackends{"--redis-url", "redis://127.0.0.1:6391/7", "--database-url",
                                         "postgresql://postgres@127.0.0.1:5441/postgres"};

EnvironmentLookup environmentOf(std::map<std::string, std::string> values)
{
    return [values](const std::string& name) -> std::optional<std::string> {
        const auto found = values.find(name);
        if (found == values.end())
            return std::nullopt;
        return found->second;
    };
}

std::vector<std::string> withBackends(std::vector<std::string> args)
{
    args.insert(args.end(), kBackends.begin(), kBackends.end());
    return args;
}

std::expected<CommandLine, std::string> parse(const std::vector<std::string>& args,
                                              std::map<std::string, std::string> env = {})
{
    return parseCommandLine(args, environmentOf(std::move(env)));
}

} // namespace

class ServerConfigTest final : public QObject {
    Q_OBJECT

private slots:
    void defaultsMatchTheContract()
    {
        const auto parsed = parse(kBackends);
        QVERIFY(parsed.has_value());
        const ServerConfig& config = parsed->config;
        QCOMPARE(parsed->command, ServerCommand::Run);
        QCOMPARE(config.listen.host, std::string("127.0.0.1"));
        QCOMPARE(config.listen.port, 8080);
        QCOMPARE(config.role, ServerRole::All);
        QVERIFY(config.dataDir.empty()); // not used on Redis + PostgreSQL
        QVERIFY(!config.fullFsync);
        QCOMPARE(config.defaultRateLimit, (RateLimitPolicy{100, 50}));
        QCOMPARE(config.idempotencyTtl.count(), 86400);
        QCOMPARE(config.maxAttempts, 5);
        QCOMPARE(config.retryBase.count(), 500);
        QCOMPARE(config.claimIdle.count(), 30000);
        QCOMPARE(config.backendTimeout.count(), 2000);
        QCOMPARE(config.admissionBatchMax, 32);
        QVERIFY(!config.simulationMode);
        QCOMPARE(config.effectiveIoThreads(), defaultIoThreads());
        QCOMPARE(defaultIoThreads(), int(std::max(1u, std::thread::hardware_concurrency())));
        QVERIFY(!config.adminKeyDigest.has_value());
        QCOMPARE(config.redisEndpoint.port, 6391);
        QCOMPARE(config.redisEndpoint.database, 7);
    }

    void everyFlagIsRead()
    {
        const auto parsed = parse(withBackends({"--listen", "0.0.0.0:0", "--role", "worker", "--data-dir", "/tmp/x",
                                                "--api-keys", "acme:k1,globex:k2", "--admin-key", "adm",
                                                "--rate-limit", "10:2.5", "--tenant-rate-limits", "acme=5:1,globex=7:3",
                                                "--idempotency-ttl", "60", "--max-attempts", "3", "--retry-base-ms",
                                                "100", "--claim-idle-ms", "2000", "--backend-timeout-ms", "250",
                                                "--simulation-mode", "--io-threads", "5", "--admission-batch-max", "8"}));
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        const ServerConfig& config = parsed->config;
        QCOMPARE(config.listen.host, std::string("0.0.0.0"));
        QCOMPARE(config.listen.port, 0);
        QCOMPARE(config.role, ServerRole::Worker);
        QCOMPARE(config.dataDir, std::string("/tmp/x"));
        QCOMPARE(config.apiKeys.size(), std::size_t(2));
        QCOMPARE(config.apiKeys[1].tenantId, std::string("globex"));
        QVERIFY(config.apiKeys[1].keyDigest == digestSecret("k2"));
        QVERIFY(*config.adminKeyDigest == digestSecret("adm"));
        QCOMPARE(config.defaultRateLimit, (RateLimitPolicy{10, 2.5}));
        QCOMPARE(config.rateLimitFor("acme"), (RateLimitPolicy{5, 1}));
        QCOMPARE(config.rateLimitFor("other"), (RateLimitPolicy{10, 2.5}));
        QCOMPARE(config.idempotencyTtl.count(), 60);
        QCOMPARE(config.maxAttempts, 3);
        QCOMPARE(config.retryBase.count(), 100);
        QCOMPARE(config.claimIdle.count(), 2000);
        QCOMPARE(config.backendTimeout.count(), 250);
        QCOMPARE(config.admissionBatchMax, 8);
        QVERIFY(config.simulationMode);
        QCOMPARE(config.effectiveIoThreads(), 5);
        QCOMPARE(config.configuredTenants(), (std::vector<std::string>{"acme", "globex"}));
    }

    void equalsSignFormIsAccepted()
    {
        const auto parsed = parse(withBackends({"--listen=127.0.0.1:9001", "--role=api"}));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.listen.port, 9001);
        QCOMPARE(parsed->config.role, ServerRole::Api);
    }

    void environmentIsTheFallbackAndFlagsWin()
    {
        std::map<std::string, std::string> env{{"MCCIG_REDIS_URL", "redis://127.0.0.1:6391/8"},
                                               {"MCCIG_DATABASE_URL", "postgresql://postgres@127.0.0.1:5441/x"},
                                               {"MCCIG_LISTEN", "127.0.0.1:7000"},
                                               {"MCCIG_ROLE", "api"},
                                               {"MCCIG_SIMULATION_MODE", "true"},
                                               {"MCCIG_MAX_ATTEMPTS", "9"}};
        const auto parsed = parse({"--listen", "127.0.0.1:7001"}, env);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.listen.port, 7001);
        QCOMPARE(parsed->config.role, ServerRole::Api);
        QCOMPARE(parsed->config.maxAttempts, 9);
        QVERIFY(parsed->config.simulationMode);
        QCOMPARE(parsed->config.redisEndpoint.database, 8);
    }

    void ipv6AndLocalhostListenAddresses()
    {
        auto parsed = parse(withBackends({"--listen", "[::1]:8081"}));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.listen.host, std::string("::1"));
        parsed = parse(withBackends({"--listen", "localhost:8082"}));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.listen.host, std::string("127.0.0.1"));
    }

    void helpAndVersionNeedNothingElse()
    {
        QCOMPARE(parse({"--help"})->command, ServerCommand::Help);
        QCOMPARE(parse({"--version"})->command, ServerCommand::Version);
        QCOMPARE(parse({"--listen", "bad", "--help"})->command, ServerCommand::Help);
    }

    void migrateNeedsOnlyTheDatabaseOrNeitherUrl()
    {
        const auto parsed = parse({"migrate", "--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->command, ServerCommand::Migrate);
        const auto embedded = parse({"migrate", "--data-dir", "/tmp/mccig-migrate"});
        QVERIFY(embedded.has_value());
        QVERIFY(embedded->config.usesEmbeddedBackend());
        const auto onlyRedis = parse({"migrate", "--redis-url", "redis://127.0.0.1:6391/0"});
        QVERIFY(!onlyRedis.has_value());
        QVERIFY(onlyRedis.error().find("--database-url") != std::string::npos);
    }

    void keysCommandsAreParsed()
    {
        const std::string redis = "redis://127.0.0.1:6391/11";
        auto parsed = parse({"keys", "add", "acme", "--redis-url", redis});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->command, ServerCommand::Keys);
        QCOMPARE(parsed->keys.action, KeysAction::Add);
        QCOMPARE(parsed->keys.tenantId, std::string("acme"));
        QCOMPARE(parsed->config.redisEndpoint.database, 11);

        parsed = parse({"keys", "list"}, {{"MCCIG_REDIS_URL", redis}});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->keys.action, KeysAction::List);
        QVERIFY(parsed->keys.tenantId.empty());

        parsed = parse({"keys", "--redis-url=" + redis, "list", "globex"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->keys.tenantId, std::string("globex"));

        parsed = parse({"keys", "revoke", "0123456789ab", "--redis-url", redis});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->keys.action, KeysAction::Revoke);
        QCOMPARE(parsed->keys.keyId, std::string("0123456789ab"));
        QVERIFY(parsed->keys.tenantId.empty());
    }

    void keysNeedTheRedisUrlOrTheDataDir()
    {
        auto parsed = parse({"keys", "list", "--data-dir", "/tmp/keys-here"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.dataDir, std::string("/tmp/keys-here"));
        parsed = parse({"keys", "list", "--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find("--redis-url") != std::string::npos, parsed.error().c_str());
        QVERIFY(parse({"keys", "list", "--redis-url", "redis://127.0.0.1:6391"}).has_value());
    }

    void exportAndImportTakeEitherBackend()
    {
        auto parsed = parse({"export", "--with-dead-letters", "--data-dir", "/tmp/export-here"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->command, ServerCommand::Export);
        QVERIFY(parsed->exportRequest.withDeadLetters);
        QCOMPARE(parsed->config.dataDir, std::string("/tmp/export-here"));
        parsed = parse({"export", "--redis-url", "redis://127.0.0.1:6391", "--database-url",
                        "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QVERIFY(!parsed->exportRequest.withDeadLetters);
        QVERIFY(!parsed->config.usesEmbeddedBackend());
        // Any role: a transfer command serves nothing.
        parsed = parse({"import", "--data-dir", "/tmp/import-here"}, {{"MCCIG_ROLE", "worker"}});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->command, ServerCommand::Import);

        parsed = parse({"import", "--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find("must be set together") != std::string::npos, parsed.error().c_str());
        parsed = parse({"import", "--with-dead-letters", "--data-dir", "/tmp/import-here"});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find("--with-dead-letters") != std::string::npos, parsed.error().c_str());
        parsed = parse({"--with-dead-letters"});
        QVERIFY(!parsed.has_value());
    }

    void healthcheckNeedsOnlyTheListenAddress()
    {
        auto parsed = parse({"healthcheck"}, {{"MCCIG_LISTEN", "0.0.0.0:9090"}});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->command, ServerCommand::Healthcheck);
        QCOMPARE(parsed->config.listen.host, std::string("0.0.0.0"));
        QCOMPARE(parsed->config.listen.port, 9090);
        parsed = parse({"healthcheck", "--listen", "[::1]:8081"});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.listen.host, std::string("::1"));
        QVERIFY(!parse({"healthcheck", "now"}).has_value());
        QVERIFY(usageText().find("healthcheck") != std::string::npos);
    }

    void usageDocumentsTheKeysCommands()
    {
        const std::string usage = usageText();
        for (const char* expected : {"keys add TENANT", "keys list [TENANT]", "keys revoke KEY-ID"})
            QVERIFY2(usage.find(expected) != std::string::npos, expected);
    }

    void webhooksCommandsAreParsed()
    {
        const std::string redis = "redis://127.0.0.1:6391";
        auto parsed = parse({"webhooks", "set", "acme", "whatsapp-verify", "--redis-url", redis});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->command, ServerCommand::Webhooks);
        QCOMPARE(parsed->webhooks.action, WebhooksAction::Set);
        QCOMPARE(parsed->webhooks.tenantId, std::string("acme"));
        QCOMPARE(parsed->webhooks.provider, WebhookProvider::WhatsAppVerify);
        parsed = parse({"webhooks", "list", "globex", "--data-dir", "/tmp/webhooks-here"});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->webhooks.action, WebhooksAction::List);
        QCOMPARE(parsed->webhooks.tenantId, std::string("globex"));
        QCOMPARE(parsed->config.dataDir, std::string("/tmp/webhooks-here"));
        parsed = parse({"webhooks", "remove", "0123456789abcdef", "--redis-url=" + redis});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->webhooks.secretId, std::string("0123456789abcdef"));
        parsed = parse({"webhooks", "list", "--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find("webhook secrets are stored in Redis") != std::string::npos,
                 parsed.error().c_str());
        const std::string usage = usageText();
        for (const char* expected : {"webhooks set TENANT PROVIDER", "webhooks list [TENANT]",
                                     "webhooks remove SECRET-ID", "--public-url"})
            QVERIFY2(usage.find(expected) != std::string::npos, expected);
    }

    void publicUrlLosesItsTrailingSlash()
    {
        auto parsed = parse(withBackends({"--public-url", "https://gw.example.com:8443/mccig/"}));
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.publicUrl, std::string("https://gw.example.com:8443/mccig"));
        parsed = parse(kBackends, {{"MCCIG_PUBLIC_URL", "http://127.0.0.1:8080"}});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.publicUrl, std::string("http://127.0.0.1:8080"));
        QCOMPARE(parse(kBackends)->config.publicUrl, std::string());
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const auto row = [](const char* name, QStringList args, QString mentions) {
            QTest::newRow(name) << args << mentions;
        };
        row("unknown flag", {"--bogus"}, "--bogus");
        row("unknown flag with value", {"--bogus=1"}, "--bogus");
        row("stray argument", {"serve"}, "serve");
        row("keys without command", {"keys"}, "keys needs a command");
        row("keys unknown command", {"keys", "rotate"}, "'rotate'");
        row("keys add without tenant", {"keys", "add"}, "keys add");
        row("keys add bad tenant", {"keys", "add", "Acme"}, "'Acme'");
        row("keys add two tenants", {"keys", "add", "acme", "globex"}, "keys add");
        row("keys list bad tenant", {"keys", "list", "-acme"}, "'-acme'");
        row("keys list two tenants", {"keys", "list", "acme", "globex"}, "keys list");
        row("keys revoke without id", {"keys", "revoke"}, "keys revoke");
        row("keys revoke short id", {"keys", "revoke", "0123456789a"}, "'0123456789a'");
        row("keys revoke uppercase id", {"keys", "revoke", "0123456789AB"}, "'0123456789AB'");
        row("keys revoke not hex", {"keys", "revoke", "0123456789ag"}, "'0123456789ag'");
        row("keys revoke id too long", {"keys", "revoke", QString(65, 'a')}, "key id");
        row("keys after a flag", {"--role", "api", "keys", "list"}, "'keys'");
        row("missing value", {"--role"}, "--role");
        row("listen without port", {"--listen", "127.0.0.1"}, "--listen");
        row("listen bad port", {"--listen", "127.0.0.1:70000"}, "--listen");
        row("listen not a number", {"--listen", "127.0.0.1:http"}, "--listen");
        row("listen hostname", {"--listen", "example.com:80"}, "--listen");
        row("role", {"--role", "everything"}, "--role");
        row("redis url", {"--redis-url", "http://127.0.0.1:6379"}, "--redis-url");
        row("redis url with TLS", {"--redis-url", "rediss://cache:6380/0"}, "stunnel or a TLS sidecar");
        row("redis url bad escape", {"--redis-url", "redis://u:p%zz@cache:6379"}, "percent-encoded");
        row("database url", {"--database-url", "mysql://x"}, "--database-url");
        row("api keys without key", {"--api-keys", "acme"}, "--api-keys");
        row("api keys empty key", {"--api-keys", "acme:"}, "--api-keys");
        row("api keys bad tenant", {"--api-keys", "Acme:k"}, "Acme");
        row("api keys tenant too long", {"--api-keys", QString(65, 'a') + ":k"}, "--api-keys");
        row("api keys same key twice", {"--api-keys", "a:k,b:k"}, "twice");
        row("admin key empty", {"--admin-key", ""}, "--admin-key");
        row("rate limit no colon", {"--rate-limit", "100"}, "--rate-limit");
        row("rate limit zero", {"--rate-limit", "0:5"}, "--rate-limit");
        row("rate limit negative", {"--rate-limit", "10:-1"}, "--rate-limit");
        row("rate limit out of bounds", {"--rate-limit", "1e300:1e-300"}, "--rate-limit");
        row("tenant limits no equals", {"--tenant-rate-limits", "acme:5:1"}, "--tenant-rate-limits");
        row("tenant limits bad tenant", {"--tenant-rate-limits", "ACME=5:1"}, "--tenant-rate-limits");
        row("tenant limits bad policy", {"--tenant-rate-limits", "acme=x:1"}, "--tenant-rate-limits");
        row("tenant limits twice", {"--tenant-rate-limits", "acme=5:1,acme=6:1"}, "twice");
        row("ttl zero", {"--idempotency-ttl", "0"}, "--idempotency-ttl");
        row("ttl text", {"--idempotency-ttl", "1d"}, "--idempotency-ttl");
        row("max attempts zero", {"--max-attempts", "0"}, "--max-attempts");
        row("retry base negative", {"--retry-base-ms", "-5"}, "--retry-base-ms");
        row("claim idle empty", {"--claim-idle-ms", ""}, "--claim-idle-ms");
        row("backend timeout huge", {"--backend-timeout-ms", "99999999999999999999"}, "--backend-timeout-ms");
        row("admission batch zero", {"--admission-batch-max", "0"}, "--admission-batch-max");
        row("admission batch text", {"--admission-batch-max", "many"}, "--admission-batch-max");
        row("simulation mode value", {"--simulation-mode=maybe"}, "--simulation-mode");
        row("io threads zero", {"--io-threads", "0"}, "--io-threads");
        row("io threads too many", {"--io-threads", "257"}, "--io-threads");
        row("log level", {"--log-level", "verbose"}, "--log-level");
        row("access log value", {"--access-log=sometimes"}, "--access-log");
        row("tls certificate without key", {"--tls-cert", "server.crt"}, "--tls-cert and --tls-key");
        row("tls key without certificate", {"--tls-key", "server.key"}, "--tls-cert and --tls-key");
        row("tls client CA alone", {"--tls-client-ca", "ca.crt"}, "--tls-client-ca needs");
        row("tls certificate empty", {"--tls-cert=", "--tls-key", "server.key"}, "--tls-cert");
        row("public url without scheme", {"--public-url", "gw.example.com"}, "--public-url");
        row("public url ftp", {"--public-url", "ftp://gw.example.com"}, "--public-url");
        row("public url without host", {"--public-url", "https://"}, "--public-url");
        row("public url path only", {"--public-url", "https:///v1"}, "--public-url");
        row("public url with query", {"--public-url", "https://gw.example.com/?a=1"}, "--public-url");
        row("public url with fragment", {"--public-url", "https://gw.example.com/#x"}, "--public-url");
        row("webhooks without command", {"webhooks"}, "webhooks needs a command");
        row("webhooks set without provider", {"webhooks", "set", "acme"}, "webhooks set");
        row("webhooks set unknown provider", {"webhooks", "set", "acme", "sms"}, "'sms'");
        row("webhooks set secret as a word", {"webhooks", "set", "acme", "twilio", "token"}, "stdin");
        row("webhooks remove bad id", {"webhooks", "remove", "0123456789abcde"}, "'0123456789abcde'");
    }

    void badValuesAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        std::vector<std::string> argv;
        for (const auto& arg : args)
            argv.push_back(arg.toStdString());
        const auto parsed = parse(withBackends(argv));
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find(mentions.toStdString()) != std::string::npos, parsed.error().c_str());
        QVERIFY(parsed.error().find('\n') == std::string::npos);
    }

    void badEnvironmentValueNamesTheVariable()
    {
        const auto parsed = parse(kBackends, {{"MCCIG_RATE_LIMIT", "fast"}});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().starts_with("MCCIG_RATE_LIMIT"), parsed.error().c_str());
    }

    // Bug: a variable that did not parse stopped the server even when a flag overrode it.
    void aFlagWinsOverABadEnvironmentValue()
    {
        const auto parsed = parse(withBackends({"--rate-limit", "5:1"}), {{"MCCIG_RATE_LIMIT", "fast"}});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.defaultRateLimit.capacity, 5.0);
        // A setting's file form is the same setting: the flag wins over both variables.
        const auto keys = parse(withBackends({"--api-keys", "acme:key-acme"}),
                                {{"MCCIG_API_KEYS_FILE", "/nonexistent/keys"}, {"MCCIG_API_KEYS", "bad"}});
        QVERIFY2(keys.has_value(), keys ? "" : keys.error().c_str());
        QCOMPARE(keys->config.apiKeys.size(), std::size_t{1});
    }

    void secretsAreNotEchoed()
    {
        const auto parsed = parse(withBackends({"--api-keys", "supersecretvalue"}));
        QVERIFY(!parsed.has_value());
        QVERIFY(parsed.error().find("supersecretvalue") == std::string::npos);
    }

    void tlsFilesAreReadFromFlagsAndEnvironment()
    {
        auto parsed = parse(withBackends({"--tls-cert", "/etc/mccig/server.crt", "--tls-key", "/etc/mccig/server.key",
                                          "--tls-client-ca", "/etc/mccig/clients.crt"}));
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QVERIFY(parsed->config.tls.enabled());
        QCOMPARE(parsed->config.tls.certificateFile, std::string("/etc/mccig/server.crt"));
        QCOMPARE(parsed->config.tls.keyFile, std::string("/etc/mccig/server.key"));
        QCOMPARE(parsed->config.tls.clientCaFile, std::string("/etc/mccig/clients.crt"));
        QCOMPARE(summarizeConfig(parsed->config).at("tls").at("clientCa").get<std::string>(),
                 std::string("/etc/mccig/clients.crt"));
        parsed = parse(kBackends, {{"MCCIG_TLS_CERT", "a.crt"}, {"MCCIG_TLS_KEY", "a.key"}});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.tls.certificateFile, std::string("a.crt"));
        QCOMPARE(parsed->config.tls.keyFile, std::string("a.key"));
        QVERIFY(parsed->config.tls.clientCaFile.empty());
        // A flag and the other half from the environment make a pair too.
        parsed = parse(withBackends({"--tls-cert", "b.crt"}), {{"MCCIG_TLS_KEY", "a.key"}});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.tls.certificateFile, std::string("b.crt"));
        QVERIFY(!parse(kBackends)->config.tls.enabled());
        QCOMPARE(summarizeConfig(parse(kBackends)->config).at("tls").get<std::string>(), std::string("off"));
    }

    void logSettingsAreRead()
    {
        auto parsed = parse(withBackends({"--log-level", "warning", "--access-log"}));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.logLevel, LogLevel::Warning);
        QVERIFY(parsed->config.accessLog);
        parsed = parse(kBackends, {{"MCCIG_LOG_LEVEL", "debug"}, {"MCCIG_ACCESS_LOG", "false"}});
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->config.logLevel, LogLevel::Debug);
        QVERIFY(!parsed->config.accessLog);
        QCOMPARE(parse(kBackends)->config.logLevel, LogLevel::Info);
    }

    void startUpSummaryRedactsSecrets()
    {
        const auto parsed = parse({"--redis-url", "redis://app:r3dis-pw@cache:6379/2", "--database-url",
                                   "postgresql://mccig:pg-pw@db:5432/mccig?sslmode=require&password=other-pw",
                                   "--api-keys", "acme:key-one,globex:key-two", "--admin-key", "admin-pw"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        const auto summary = summarizeConfig(parsed->config);
        const std::string text = summary.dump();
        for (const char* secret : {"r3dis-pw", "pg-pw", "other-pw", "key-one", "key-two", "admin-pw"})
            QVERIFY2(text.find(secret) == std::string::npos, secret);
        QCOMPARE(summary.at("redisUrl").get<std::string>(), std::string("redis://app:***@cache:6379/2"));
        QCOMPARE(summary.at("databaseUrl").get<std::string>(),
                 std::string("postgresql://mccig:***@db:5432/mccig?sslmode=require&password=***"));
        QVERIFY(summary.at("apiKeyTenants") == nlohmann::json::array({"acme", "globex"}));
        QCOMPARE(summary.at("adminKey").get<std::string>(), std::string("set"));
        QCOMPARE(redactUrl("redis://only-pw@cache"), std::string("redis://***@cache"));
        QCOMPARE(redactUrl("redis://cache:6379/0"), std::string("redis://cache:6379/0"));
        QCOMPARE(redactUrl("postgresql://postgres@db/mccig"), std::string("postgresql://postgres@db/mccig"));
    }

    void redisUrlPasswordIsNotEchoed()
    {
        const auto parsed = parse({"--redis-url", "redis://app:hunter2secret@cache:99999/0", "--database-url",
                                   "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().find("hunter2secret") == std::string::npos, parsed.error().c_str());
        QVERIFY2(parsed.error().find("port") != std::string::npos, parsed.error().c_str());
    }

    void redisUrlWithAclUserIsDecoded()
    {
        const auto parsed = parse({"--redis-url", "redis://ingest%2Dapp:p%40ss%3Aw%25rd@cache:6390/3",
                                   "--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.redisEndpoint.user, std::string("ingest-app"));
        QCOMPARE(parsed->config.redisEndpoint.password, std::string("p@ss:w%rd"));
        QCOMPARE(parsed->config.redisEndpoint.database, 3);
    }

    void exactlyOneBackendUrlIsRefused()
    {
        auto parsed = parse({"--redis-url", "redis://127.0.0.1:6391"});
        QVERIFY(!parsed.has_value());
        QVERIFY(parsed.error().find("together") != std::string::npos);
        parsed = parse({"--database-url", "postgresql://postgres@127.0.0.1:5441/postgres"});
        QVERIFY(!parsed.has_value());
        QVERIFY(parsed.error().find("together") != std::string::npos);
    }

    void noUrlsMeanTheEmbeddedBackendInTheUserDataFolder()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        const auto parsed = parse({});
        qputenv("XDG_DATA_HOME", saved);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QVERIFY(parsed->config.usesEmbeddedBackend());
        QCOMPARE(parsed->config.dataDir, (std::filesystem::path(home.path().toStdString()) / "mccig").string());
        QVERIFY(parsed->config.dataDirIsDefault);
    }

    void givenDataDirAndFullFsyncAreKept()
    {
        const auto parsed = parse({"--data-dir", "/srv/mccig", "--full-fsync"});
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QCOMPARE(parsed->config.dataDir, std::string("/srv/mccig"));
        QVERIFY(!parsed->config.dataDirIsDefault);
        QVERIFY(parsed->config.fullFsync);
        QVERIFY(parse({}, {{"MCCIG_FULL_FSYNC", "true"}, {"MCCIG_DATA_DIR", "/srv/x"}})->config.fullFsync);
        const auto bad = parse({"--data-dir", "/srv/x", "--full-fsync=maybe"});
        QVERIFY(!bad.has_value());
        QVERIFY2(bad.error().find("--full-fsync") != std::string::npos, bad.error().c_str());
    }

    void embeddedBackendNeedsRoleAll()
    {
        for (const std::string role : {"api", "worker"}) {
            const auto parsed = parse({"--data-dir", "/tmp/x", "--role", role});
            QVERIFY(!parsed.has_value());
            QVERIFY2(parsed.error().find("--role must be all") != std::string::npos, parsed.error().c_str());
        }
        QVERIFY(parse({"--data-dir", "/tmp/x", "--role", "all"}).has_value());
    }
};

QTEST_GUILESS_MAIN(ServerConfigTest)
#include "server_config_test.moc"
