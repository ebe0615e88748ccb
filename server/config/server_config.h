#pragma once

#include "log/json_log.h"
#include "mccig/core/secret_digest.h"
#include "mccig/domain/rate_limit_policy.h"
#include "mccig/redis/redis_url.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mccig::server {

enum class ServerRole {
    Api,
    Worker,
    All,
};

struct ListenAddress {
    std::string host = "127.0.0.1";
    int port = 8080;
};

// The PEM files of an HTTPS listener (API.md §1). No certificate: plain HTTP.
struct TlsFiles {
    std::string certificateFile; // the server's certificate, then any intermediates
    std::string keyFile;
    std::string clientCaFile; // set: mutual TLS, clients need a certificate this CA signed

    bool enabled() const { return !certificateFile.empty(); }
};

// One bootstrap API key, kept only as its digest (API.md §2).
struct TenantKey {
    std::string tenantId;
    SecretDigest keyDigest{};
};

// Every setting of API.md §1, validated. Produced by parseCommandLine(); the
// rest of the server reads it and never looks at flags or the environment.
struct ServerConfig {
    ListenAddress listen;
    TlsFiles tls;
    ServerRole role = ServerRole::All;
    std::string redisUrl;    // empty: unset
    std::string databaseUrl; // empty: unset
    RedisEndpoint redisEndpoint;
    std::string dataDir;           // the embedded backend's; empty: unset (the parser fills in the default)
    bool dataDirIsDefault = false; // dataDir is the user's data folder, not given
    bool fullFsync = false;
    std::vector<TenantKey> apiKeys;
    std::optional<SecretDigest> adminKeyDigest; // unset: admin routes answer 404
    RateLimitPolicy defaultRateLimit{100, 50};
    std::map<std::string, RateLimitPolicy> tenantRateLimits;
    std::chrono::seconds idempotencyTtl{86400};
    int maxAttempts = 5;
    std::chrono::milliseconds retryBase{500};
    std::chrono::milliseconds claimIdle{30000};
    std::chrono::milliseconds backendTimeout{2000};
    // Redis backend: most admissions an I/O thread sends in one Redis call
    // (docs/decisions/0015-batched-admission.md); 1 turns batching off.
    int admissionBatchMax = 32;
    // After SIGTERM: readiness fails at once, serving goes on this long (so a
    // load balancer stops sending), then the process drains and stops.
    std::chrono::seconds shutdownGrace{0};
    bool simulationMode = false;
    // Stop when standard input reaches its end (a parent's pipe closed).
    bool stopWithStdin = false;
    int ioThreads = 0; // 0: defaultIoThreads()
    int maxConnections = 0; // 0: defaultMaxConnections()
    LogLevel logLevel = LogLevel::Info;
    bool accessLog = false;
    // The base URL providers post webhooks to ("https://gw.example.com" or
    // with a path prefix a proxy strips), without a trailing slash: the
    // Twilio signature covers the URL as Twilio saw it. Empty: taken from
    // the request's Host header, over https when TLS is on.
    std::string publicUrl;

    // Neither URL is set: the embedded backend in dataDir serves.
    bool usesEmbeddedBackend() const { return redisUrl.empty() && databaseUrl.empty(); }
    // The bucket of `tenantId`: its override, else the default.
    RateLimitPolicy rateLimitFor(const std::string& tenantId) const;
    // Every tenant named by a key or a rate-limit override, sorted, once each.
    std::vector<std::string> configuredTenants() const;
    // The I/O thread count in effect: the setting, else defaultIoThreads().
    int effectiveIoThreads() const;
    // The connection limit in effect: the setting, else defaultMaxConnections().
    int effectiveMaxConnections() const;
};

// One I/O thread per core (docs/decisions/0018-one-io-thread-per-core.md).
int defaultIoThreads();

// Three quarters of the open-file limit (RLIMIT_NOFILE), so the backend
// connections, the listener and the log always find a descriptor.
int defaultMaxConnections();

} // namespace mccig::server
