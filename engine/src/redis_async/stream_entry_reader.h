#pragma once

#include "mccig/queue/stream_entry.h"
#include "raw_reply_reader.h"

#include <vector>

namespace mccig {

// Takes the stream entries of an XREADGROUP or XAUTOCLAIM reply straight out
// of hiredis's reply: each id and field copied once into a StreamEntry, no
// RedisReply tree in between (that copy cost about as much as the rest of
// reading a batch). Entries that are nil (deleted meanwhile) are skipped.
class StreamEntryReader final : public RawReplyReader {
public:
    // Where the list of entries sits in the reply.
    enum class Shape {
        ReadGroup, // nil on timeout, else [[stream, entries], ...]: the first stream's
        AutoClaim, // [next cursor, entries, deleted ids]
    };

    explicit StreamEntryReader(Shape shape);

    Result<void> read(const redisReply& reply) override;

    std::vector<StreamEntry> takeEntries() { return std::move(m_entries); }

private:
    void readEntries(const redisReply& entries);

    Shape m_shape;
    std::vector<StreamEntry> m_entries;
};

} // namespace mccig
