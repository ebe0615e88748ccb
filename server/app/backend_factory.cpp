#include "app/backend_factory.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/backends/redis_postgres_backend.h"

namespace mccig::server {

Result<std::shared_ptr<Backend>> openBackend(const ServerConfig& config, BackendUse use)
{
    if (!config.usesEmbeddedBackend())
        return std::make_shared<RedisPostgresBackend>(RedisPostgresSettings{
            config.redisEndpoint, config.databaseUrl, config.backendTimeout,
            static_cast<std::size_t>(config.admissionBatchMax)});
    EmbeddedSettings settings;
    settings.dataDir = config.dataDir;
    settings.fullFsync = config.fullFsync;
    settings.exclusive = use == BackendUse::Serve;
    settings.timeout = config.backendTimeout;
    auto embedded = EmbeddedBackend::open(settings, std::make_shared<SystemClock>());
    if (!embedded)
        return std::unexpected(embedded.error());
    return std::shared_ptr<Backend>(std::move(*embedded));
}

} // namespace mccig::server
