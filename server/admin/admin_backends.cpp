#include "admin_backends.h"

#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/redis/redis_sync_connection.h"

#include <map>
#include <memory>

namespace mccig::server {
namespace {

// Several contexts may share a process (tests do): key each connection by
// where it goes.
std::string redisKey(const AdminContext& context)
{
    const auto& endpoint = context.redis;
    return endpoint.host + ":" + std::to_string(endpoint.port) + "/" + std::to_string(endpoint.database) + "#"
        + endpoint.password + "#" + std::to_string(context.backendTimeout.count());
}

} // namespace

RedisSyncConnection& adminRedis(const AdminContext& context)
{
    thread_local std::map<std::string, std::unique_ptr<RedisSyncConnection>> connections;
    auto& slot = connections[redisKey(context)];
    if (!slot)
        slot = std::make_unique<RedisSyncConnection>(context.redis, context.backendTimeout);
    return *slot;
}

PostgresEventRepository& adminRepository(const AdminContext& context)
{
    thread_local std::map<std::string, std::unique_ptr<PostgresEventRepository>> repositories;
    auto& slot = repositories[context.databaseUrl + "#" + std::to_string(context.backendTimeout.count())];
    if (!slot)
        slot = std::make_unique<PostgresEventRepository>(context.databaseUrl, context.backendTimeout);
    return *slot;
}

} // namespace mccig::server
