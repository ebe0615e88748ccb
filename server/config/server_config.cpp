#include "config/server_config.h"

#include <sys/resource.h>

#include <algorithm>
#include <thread>

namespace mccig::server {

RateLimitPolicy ServerConfig::rateLimitFor(const std::string& tenantId) const
{
    const auto found = tenantRateLimits.find(tenantId);
    return found == tenantRateLimits.end() ? defaultRateLimit : found->second;
}

std::vector<std::string> ServerConfig::configuredTenants() const
{
    std::vector<std::string> tenants;
    for (const auto& key : apiKeys)
        tenants.push_back(key.tenantId);
    for (const auto& [tenant, policy] : tenantRateLimits)
        tenants.push_back(tenant);
    std::sort(tenants.begin(), tenants.end());
    tenants.erase(std::unique(tenants.begin(), tenants.end()), tenants.end());
    return tenants;
}

int ServerConfig::effectiveIoThreads() const { return ioThreads > 0 ? ioThreads : defaultIoThreads(); }

int ServerConfig::effectiveMaxConnections() const
{
    return maxConnections > 0 ? maxConnections : defaultMaxConnections();
}

int defaultMaxConnections()
{
    constexpr rlim_t kFallback = 1024;
    constexpr rlim_t kCeiling = 1'000'000;
    rlimit limit{};
    const rlim_t files = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
                             ? std::min(limit.rlim_cur, kCeiling)
                             : kFallback;
    return static_cast<int>(std::max<rlim_t>(8, files * 3 / 4));
}

int defaultIoThreads()
{
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace mccig::server
