#include "mccig/queue/queue_depth.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_sync_connection.h"
#include "mccig/redis/redis_keys.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <utility>

namespace mccig {
namespace {

// A stream entry id "ms-seq", comparable.
using StreamId = std::pair<unsigned long long, unsigned long long>;

std::optional<StreamId> parseStreamId(std::string_view text)
{
    const auto dash = text.find('-');
    if (dash == std::string_view::npos)
        return std::nullopt;
    StreamId id;
    const auto first = std::from_chars(text.data(), text.data() + dash, id.first);
    const auto second = std::from_chars(text.data() + dash + 1, text.data() + text.size(), id.second);
    if (first.ec != std::errc{} || second.ec != std::errc{} || second.ptr != text.data() + text.size())
        return std::nullopt;
    return id;
}

// The value of `field` in a flat [field, value, field, value...] reply.
const RedisReply* fieldOf(const RedisReply& pairs, std::string_view field)
{
    for (std::size_t i = 0; i + 1 < pairs.elements.size(); i += 2)
        if (pairs.elements[i].text == field)
            return &pairs.elements[i + 1];
    return nullptr;
}

// What the worker group reports: in flight, not yet delivered (Redis's lag,
// absent when it cannot work it out), and the last id it handed out.
struct GroupView {
    long long pending = 0;
    std::optional<long long> lag;
    std::optional<StreamId> lastDelivered;
};

std::optional<GroupView> workerGroup(const RedisReply& groups)
{
    if (!groups.isArray())
        return std::nullopt;
    for (const RedisReply& group : groups.elements) {
        const RedisReply* name = fieldOf(group, "name");
        if (name == nullptr || name->text != kWorkerGroup)
            continue;
        GroupView view;
        if (const RedisReply* pending = fieldOf(group, "pending"); pending && pending->isInteger())
            view.pending = pending->integer;
        if (const RedisReply* lag = fieldOf(group, "lag"); lag && lag->isInteger())
            view.lag = lag->integer;
        if (const RedisReply* last = fieldOf(group, "last-delivered-id"))
            view.lastDelivered = parseStreamId(last->text);
        return view;
    }
    return std::nullopt;
}

// New and in-flight messages. Redis's lag comes from the group's entries-read
// counter, which can go wrong (after an AOF reload, or XGROUP SETID), and
// then reports a backlog that does not exist. So the lag is 0 once the group
// has delivered the stream's last id, and the undelivered entries can never
// be more than the stream holds besides the pending ones (pending entries stay
// in the stream until settled; docs/decisions/0006-trim-settled-entries.md).
long long unsettledEntries(const GroupView& group, long long streamLength, std::optional<StreamId> lastGenerated)
{
    const bool deliveredAll = group.lastDelivered && lastGenerated && *group.lastDelivered >= *lastGenerated;
    const long long undeliveredAtMost = std::max(0LL, streamLength - group.pending);
    const long long lag = deliveredAll ? 0 : group.lag.value_or(undeliveredAtMost);
    return group.pending + std::clamp(lag, 0LL, undeliveredAtMost);
}

// The oldest unsettled entry is the stream's first: settled entries are trimmed
// from the front up to the oldest pending one, or past the last delivered.
std::chrono::milliseconds oldestAge(const RedisReply& streamInfo, const RedisReply& time)
{
    const RedisReply* first = fieldOf(streamInfo, "first-entry");
    if (first == nullptr || !first->isArray() || first->elements.empty() || time.elements.size() < 2)
        return std::chrono::milliseconds(0);
    const auto id = parseStreamId(first->elements[0].text);
    long long seconds = 0;
    long long micros = 0;
    std::from_chars(time.elements[0].text.data(), time.elements[0].text.data() + time.elements[0].text.size(), seconds);
    std::from_chars(time.elements[1].text.data(), time.elements[1].text.data() + time.elements[1].text.size(), micros);
    const long long nowMs = seconds * 1000 + micros / 1000;
    if (!id || static_cast<long long>(id->first) > nowMs)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(nowMs - static_cast<long long>(id->first));
}

} // namespace

Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection)
{
    const std::string stream(kEventStreamKey);
    auto replies = connection.pipeline({{"XINFO", "GROUPS", stream},
                                        {"XLEN", stream},
                                        {"ZCARD", std::string(kRetryKey)},
                                        {"HLEN", std::string(kDeadLetterKey)},
                                        {"XINFO", "STREAM", stream},
                                        {"TIME"}});
    if (!replies)
        return std::unexpected(replies.error());
    // XINFO answers an error for a stream not created yet; XLEN says 0 then.
    for (std::size_t i = 1; i < 4; ++i)
        if ((*replies)[i].isError())
            return failure(ErrorKind::Rejected, (*replies)[i].text);
    const long long streamLength = (*replies)[1].integer;
    std::optional<StreamId> lastGenerated;
    if (const RedisReply* last = fieldOf((*replies)[4], "last-generated-id"))
        lastGenerated = parseStreamId(last->text);
    const auto group = workerGroup((*replies)[0]);
    // Without the group (no worker has started yet) nothing was delivered.
    const long long streamed = group ? unsettledEntries(*group, streamLength, lastGenerated) : streamLength;
    const auto age = streamed > 0 ? oldestAge((*replies)[4], (*replies)[5]) : std::chrono::milliseconds(0);
    return QueueDepth{streamed, (*replies)[2].integer, (*replies)[3].integer, age};
}

} // namespace mccig
