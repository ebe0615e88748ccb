#pragma once

#include "mccig/core/result.h"
#include "mccig/ports/event_queue.h"
#include "reply_builder.h"

#include <optional>
#include <string>
#include <vector>

namespace mccig {

// Builds the queued messages of an XREADGROUP or XAUTOCLAIM reply while
// hiredis parses it: each id and field copied once, straight from the read
// buffer into a QueuedMessage, with no reply objects in between. Entries
// without fields (deleted meanwhile, as older Redis versions answer) are
// skipped.
class StreamEntryReader final : public ReplyBuilder {
public:
    // Where the list of entries sits in the reply.
    enum class Shape {
        ReadGroup, // nil on timeout, else [[stream, entries], ...]: the first stream's
        AutoClaim, // [next cursor, entries, deleted ids]
    };

    explicit StreamEntryReader(Shape shape);

    void array(ReplyPath path, std::size_t elements) override;
    void string(ReplyPath path, std::string_view text) override;

    // The messages read, or an error if the reply had not the expected shape.
    Result<std::vector<QueuedMessage>> takeMessages();

private:
    enum class Field { Event, Attempts, Failures, Other };

    // The path below the list of entries ([entry, part, field]), or nothing
    // when `path` lies elsewhere.
    std::optional<ReplyPath> withinEntries(ReplyPath path) const;

    Shape m_shape;
    std::size_t m_rootElements = 0;
    std::string m_nextId;        // the id of the entry whose fields come next
    Field m_nextField = Field::Other;
    std::vector<QueuedMessage> m_messages;
};

} // namespace mccig
