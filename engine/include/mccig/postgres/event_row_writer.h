#pragma once

#include "mccig/core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace mccig {

// Turns an event's JSON as queued (API.md §4) straight into its
// conversation_events row in COPY's text format, for
// PostgresEventRepository::storeQueued(). It accepts exactly what
// eventFromJson() accepts, but builds no ConversationEvent: rawMetadata goes
// into the row as the JSON text that arrived (checked, not re-encoded), which
// is most of what the worker would otherwise spend per event.
// Holds reusable parser buffers: one instance per thread.
class EventRowWriter {
public:
    EventRowWriter();
    ~EventRowWriter();
    EventRowWriter(const EventRowWriter&) = delete;
    EventRowWriter& operator=(const EventRowWriter&) = delete;

    // Appends one '\n'-terminated row to `rows`. Appends nothing and fails
    // (Rejected) when `eventJson` is not a readable event.
    Result<void> append(std::string_view eventJson, std::string& rows);

private:
    struct Parsers;
    std::unique_ptr<Parsers> m_parsers; // keeps simdjson out of this header
};

} // namespace mccig
