#include "stream_entry_reader.h"

#include <hiredis/hiredis.h>

#include <charconv>
#include <string_view>

namespace mccig {
namespace {

bool isArray(const redisReply* reply) { return reply != nullptr && reply->type == REDIS_REPLY_ARRAY; }

std::string_view textOf(const redisReply* reply)
{
    if (reply == nullptr || reply->str == nullptr)
        return {};
    return {reply->str, reply->len};
}

void takeField(StreamEntry& entry, std::string_view name, std::string_view value)
{
    if (name == "event")
        entry.event.assign(value);
    else if (name == "attempts")
        std::from_chars(value.data(), value.data() + value.size(), entry.attempts);
    else if (name == "failures")
        entry.failures.assign(value);
}

StreamEntry toEntry(const redisReply& entry)
{
    StreamEntry taken;
    taken.id.assign(textOf(entry.element[0]));
    const redisReply& fields = *entry.element[1];
    for (std::size_t i = 0; i + 1 < fields.elements; i += 2)
        takeField(taken, textOf(fields.element[i]), textOf(fields.element[i + 1]));
    return taken;
}

// The list of entries within the reply, or null when there is none (a
// timed-out XREADGROUP).
const redisReply* entriesOf(const redisReply& reply, StreamEntryReader::Shape shape)
{
    if (reply.type != REDIS_REPLY_ARRAY)
        return nullptr;
    if (shape == StreamEntryReader::Shape::AutoClaim)
        return reply.elements >= 2 ? reply.element[1] : nullptr;
    if (reply.elements == 0 || !isArray(reply.element[0]) || reply.element[0]->elements < 2)
        return nullptr;
    return reply.element[0]->element[1];
}

} // namespace

StreamEntryReader::StreamEntryReader(Shape shape) : m_shape(shape) {}

Result<void> StreamEntryReader::read(const redisReply& reply)
{
    if (m_shape == Shape::AutoClaim && (reply.type != REDIS_REPLY_ARRAY || reply.elements < 2))
        return failure(ErrorKind::Internal, "unexpected XAUTOCLAIM reply");
    if (const redisReply* entries = entriesOf(reply, m_shape); isArray(entries))
        readEntries(*entries);
    return {};
}

void StreamEntryReader::readEntries(const redisReply& entries)
{
    m_entries.reserve(m_entries.size() + entries.elements);
    for (std::size_t i = 0; i < entries.elements; ++i) {
        const redisReply* entry = entries.element[i];
        if (!isArray(entry) || entry->elements < 2 || !isArray(entry->element[1]))
            continue;
        m_entries.push_back(toEntry(*entry));
    }
}

} // namespace mccig
