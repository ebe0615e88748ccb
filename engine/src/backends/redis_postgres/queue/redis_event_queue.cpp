#include "mccig/queue/redis_event_queue.h"

#include "mccig/core/time_format.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_keys.h"
#include "queue_scripts.h"
#include "stream_entries.h"
#include "stream_entry_reader.h"

#include <algorithm>

namespace mccig {
namespace {

constexpr std::size_t kEnqueueChunk = 1000;

const std::string kStream(kEventStreamKey);
const std::string kGroup(kWorkerGroup);

Result<bool> settled(Result<RedisReply> reply)
{
    if (!reply)
        return std::unexpected(reply.error());
    return reply->isInteger() && reply->integer == 1;
}

} // namespace

RedisEventQueue::RedisEventQueue(RedisEndpoint endpoint, std::chrono::milliseconds timeout, std::string consumerName)
    : m_connection(std::move(endpoint), timeout), m_timeout(timeout), m_consumerName(std::move(consumerName))
{
}

Result<void> RedisEventQueue::ensureReady() { return ensureEventStream(m_connection); }

Result<void> RedisEventQueue::commandWithGroup(const std::vector<std::string>& args, ReplyBuilder& builder)
{
    auto read = m_connection.command(args, builder);
    if (read || read.error().code != ErrorCode::NoSuchGroup)
        return read;
    // Someone deleted the stream or the group (FLUSHDB, a manual XGROUP
    // DESTROY): recreate it and go on rather than stop consuming.
    if (auto created = ensureReady(); !created)
        return std::unexpected(created.error());
    return m_connection.command(args, builder);
}

Result<std::vector<std::string>> RedisEventQueue::enqueue(const std::vector<ConversationEvent>& events)
{
    std::vector<std::string> ids;
    ids.reserve(events.size());
    for (std::size_t start = 0; start < events.size(); start += kEnqueueChunk) {
        std::vector<std::vector<std::string>> commands;
        for (std::size_t i = start; i < std::min(events.size(), start + kEnqueueChunk); ++i)
            commands.push_back({"XADD", kStream, "*", "event", toJson(events[i]).dump(), "attempts", "0",
                                "failures", "[]"});
        auto replies = m_connection.pipeline(commands);
        if (!replies)
            return std::unexpected(replies.error());
        for (const auto& reply : *replies) {
            if (reply.isError())
                return failure(ErrorKind::Rejected, reply.text);
            ids.push_back(reply.text);
        }
    }
    return ids;
}

Result<std::vector<QueuedMessage>> RedisEventQueue::read(std::size_t maxCount, std::chrono::milliseconds block)
{
    // The blocking read may take `block` before Redis even starts answering.
    m_connection.setCommandTimeout(block + m_timeout);
    StreamEntryReader reader(StreamEntryReader::Shape::ReadGroup);
    auto read = commandWithGroup({"XREADGROUP", "GROUP", kGroup, m_consumerName, "COUNT", std::to_string(maxCount),
                                  "BLOCK", std::to_string(block.count()), "STREAMS", kStream, ">"},
                                 reader);
    m_connection.setCommandTimeout(m_timeout);
    if (!read)
        return std::unexpected(read.error());
    return reader.takeMessages();
}

Result<std::vector<QueuedMessage>> RedisEventQueue::claimAbandoned(std::chrono::milliseconds minIdle,
                                                                   std::size_t maxCount)
{
    StreamEntryReader reader(StreamEntryReader::Shape::AutoClaim);
    auto read = commandWithGroup({"XAUTOCLAIM", kStream, kGroup, m_consumerName, std::to_string(minIdle.count()),
                                  "0-0", "COUNT", std::to_string(maxCount)},
                                 reader);
    if (!read)
        return std::unexpected(read.error());
    return reader.takeMessages();
}

Result<std::size_t> RedisEventQueue::acknowledge(const std::vector<std::string>& entryIds)
{
    if (entryIds.empty())
        return 0;
    std::vector<std::string> args{kGroup};
    args.insert(args.end(), entryIds.begin(), entryIds.end());
    auto reply = acknowledgeScript().evaluate(m_connection, {kStream}, args);
    if (!reply)
        return std::unexpected(reply.error());
    return static_cast<std::size_t>(std::max(0LL, reply->integer));
}

Result<bool> RedisEventQueue::scheduleRetry(const QueuedMessage& message, std::chrono::milliseconds delay)
{
    return settled(retryScript().evaluate(m_connection, {kStream, std::string(kRetryKey)},
                                          {kGroup, message.entryId, retryMember(message),
                                           std::to_string(delay.count())}));
}

Result<bool> RedisEventQueue::deadLetter(const QueuedMessage& message, const std::string& lastError)
{
    // An unreadable entry has no event id: its queue id names it instead.
    const auto event = message.event();
    const std::string id = event ? event->id : message.entryId;
    // One clock reading for the time the entry shows and the time the DLQ is ordered by.
    const auto now = std::chrono::system_clock::now();
    const std::string entry = deadLetterEntry(message, id, lastError, formatUtc(now));
    const auto failedMs = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    return settled(deadLetterScript().evaluate(
        m_connection, {kStream, std::string(kDeadLetterKey), std::string(kDeadLetterOrderKey)},
        {kGroup, message.entryId, id, entry, std::to_string(failedMs)}));
}

Result<RetryRelease> RedisEventQueue::releaseDueRetries(std::size_t maxCount)
{
    auto reply = releaseScript().evaluate(m_connection, {std::string(kRetryKey), kStream}, {std::to_string(maxCount)});
    if (!reply)
        return std::unexpected(reply.error());
    if (!reply->isArray() || reply->elements.size() != 2)
        return failure(ErrorKind::Internal, "unexpected retry release reply");
    RetryRelease release;
    release.released = static_cast<std::size_t>(reply->elements[0].integer);
    if (reply->elements[1].integer >= 0)
        release.nextDueIn = std::chrono::milliseconds(reply->elements[1].integer);
    return release;
}

Result<std::size_t> RedisEventQueue::removeIdleConsumers(std::chrono::milliseconds minIdle)
{
    auto reply = removeIdleConsumersScript().evaluate(m_connection, {kStream}, {kGroup, std::to_string(minIdle.count())});
    if (!reply)
        return std::unexpected(reply.error());
    return reply->elements.size();
}

} // namespace mccig
