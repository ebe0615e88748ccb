#include "mccig/queue/queue_depth.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"
#include "queue_keys.h"

#include <optional>

namespace mccig {
namespace {

// New and in-flight messages as the worker group sees them: its lag (not yet
// delivered) plus its pending entries. Nothing when the group cannot tell: no
// stream or group yet, or a lag Redis could not work out.
std::optional<long long> unsettledInGroup(const RedisReply& groups)
{
    if (!groups.isArray())
        return std::nullopt;
    for (const RedisReply& group : groups.elements) {
        bool ours = false;
        std::optional<long long> pending;
        std::optional<long long> lag;
        for (std::size_t i = 0; i + 1 < group.elements.size(); i += 2) {
            const std::string& field = group.elements[i].text;
            const RedisReply& value = group.elements[i + 1];
            if (field == "name")
                ours = value.text == kWorkerGroup;
            else if (field == "pending" && value.isInteger())
                pending = value.integer;
            else if (field == "lag" && value.isInteger())
                lag = value.integer;
        }
        if (ours && pending && lag)
            return *pending + *lag;
    }
    return std::nullopt;
}

} // namespace

Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection)
{
    const std::string stream(kEventStreamKey);
    auto replies = connection.pipeline({{"XINFO", "GROUPS", stream},
                                        {"XLEN", stream},
                                        {"ZCARD", std::string(kRetryKey)},
                                        {"HLEN", std::string(kDeadLetterKey)}});
    if (!replies)
        return std::unexpected(replies.error());
    // XINFO answers an error for a stream not created yet; XLEN says 0 then.
    for (std::size_t i = 1; i < replies->size(); ++i)
        if ((*replies)[i].isError())
            return failure(ErrorKind::Rejected, (*replies)[i].text);
    // Settled entries stay in the stream until no older one is pending, so
    // XLEN is only the fallback.
    const long long streamed = unsettledInGroup((*replies)[0]).value_or((*replies)[1].integer);
    return QueueDepth{streamed, (*replies)[2].integer, (*replies)[3].integer};
}

} // namespace mccig
