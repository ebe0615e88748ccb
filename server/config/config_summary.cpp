#include "config/config_summary.h"

#include <cstdio>

namespace mccig::server {
namespace {

std::string roleName(ServerRole role)
{
    switch (role) {
    case ServerRole::Api:
        return "api";
    case ServerRole::Worker:
        return "worker";
    case ServerRole::All:
        return "all";
    }
    return "all";
}

std::string policyText(const RateLimitPolicy& policy)
{
    char text[64];
    std::snprintf(text, sizeof text, "%g:%g", policy.capacity, policy.refillPerSecond);
    return text;
}

// "scheme://user:secret@host" -> "scheme://user:***@host".
std::string withoutUserInfoPassword(std::string text)
{
    const auto scheme = text.find("://");
    if (scheme == std::string::npos)
        return text;
    const auto authorityStart = scheme + 3;
    const auto authorityEnd = text.find_first_of("/?#", authorityStart);
    const auto at = text.rfind('@', authorityEnd == std::string::npos ? std::string::npos : authorityEnd);
    if (at == std::string::npos || at < authorityStart)
        return text;
    const auto colon = text.find(':', authorityStart);
    if (colon == std::string::npos || colon > at) // a user alone; for Redis, the older form of a password
        return text.starts_with("redis") ? text.replace(authorityStart, at - authorityStart, "***") : text;
    return text.replace(colon + 1, at - colon - 1, "***");
}

// "...?password=secret&..." -> "...?password=***&...".
std::string withoutPasswordParameter(std::string text)
{
    for (auto found = text.find("password="); found != std::string::npos; found = text.find("password=", found + 1)) {
        const auto valueStart = found + 9;
        const auto valueEnd = text.find('&', valueStart);
        text.replace(valueStart, (valueEnd == std::string::npos ? text.size() : valueEnd) - valueStart, "***");
    }
    return text;
}

// The file names only: what is in them is for the log line of the loaded certificate.
nlohmann::json tlsSummary(const TlsFiles& tls)
{
    if (!tls.enabled())
        return "off";
    return {{"certificate", tls.certificateFile},
            {"key", tls.keyFile},
            {"clientCa", tls.clientCaFile.empty() ? nlohmann::json(nullptr) : nlohmann::json(tls.clientCaFile)}};
}

} // namespace

std::string redactUrl(std::string_view url) { return withoutPasswordParameter(withoutUserInfoPassword(std::string(url))); }

nlohmann::json summarizeConfig(const ServerConfig& config)
{
    nlohmann::json tenants = nlohmann::json::array();
    for (const auto& key : config.apiKeys)
        tenants.push_back(key.tenantId);
    nlohmann::json overrides = nlohmann::json::object();
    for (const auto& [tenant, policy] : config.tenantRateLimits)
        overrides[tenant] = policyText(policy);
    return {
        {"listen", config.listen.host + ":" + std::to_string(config.listen.port)},
        {"tls", tlsSummary(config.tls)},
        {"role", roleName(config.role)},
        {"redisUrl", redactUrl(config.redisUrl)},
        {"databaseUrl", redactUrl(config.databaseUrl)},
        {"dataDir", config.usesEmbeddedBackend() ? nlohmann::json(config.dataDir) : nlohmann::json()},
        {"fullFsync", config.fullFsync},
        {"apiKeyTenants", tenants},
        {"adminKey", config.adminKeyDigest ? "set" : "unset"},
        {"rateLimit", policyText(config.defaultRateLimit)},
        {"tenantRateLimits", overrides},
        {"idempotencyTtlSeconds", config.idempotencyTtl.count()},
        {"maxAttempts", config.maxAttempts},
        {"retryBaseMs", config.retryBase.count()},
        {"claimIdleMs", config.claimIdle.count()},
        {"backendTimeoutMs", config.backendTimeout.count()},
        {"admissionBatchMax", config.admissionBatchMax},
        {"shutdownGraceSeconds", config.shutdownGrace.count()},
        {"simulationMode", config.simulationMode},
        {"stopWithStdin", config.stopWithStdin},
        {"ioThreads", config.effectiveIoThreads()},
        {"logLevel", logLevelName(config.logLevel)},
        {"accessLog", config.accessLog},
        {"publicUrl", config.publicUrl.empty() ? nlohmann::json() : nlohmann::json(config.publicUrl)},
    };
}

} // namespace mccig::server
