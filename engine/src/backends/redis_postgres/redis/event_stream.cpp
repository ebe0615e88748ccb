#include "mccig/redis/event_stream.h"

#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

Result<void> ensureEventStream(RedisSyncConnection& connection)
{
    auto reply = connection.command(
        {"XGROUP", "CREATE", std::string(kEventStreamKey), std::string(kWorkerGroup), "0", "MKSTREAM"});
    // BUSYGROUP: the group exists already, which is what we want.
    if (!reply && reply.error().code != ErrorCode::GroupExists)
        return std::unexpected(reply.error());
    return {};
}

} // namespace mccig
