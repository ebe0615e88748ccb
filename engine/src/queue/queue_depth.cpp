#include "mccig/queue/queue_depth.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"
#include "queue_keys.h"

namespace mccig {

Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection)
{
    auto replies = connection.pipeline({{"XLEN", std::string(kEventStreamKey)},
                                        {"ZCARD", std::string(kRetryKey)},
                                        {"HLEN", std::string(kDeadLetterKey)}});
    if (!replies)
        return std::unexpected(replies.error());
    for (const auto& reply : *replies)
        if (reply.isError())
            return failure(ErrorKind::Rejected, reply.text);
    return QueueDepth{(*replies)[0].integer, (*replies)[1].integer, (*replies)[2].integer};
}

} // namespace mccig
