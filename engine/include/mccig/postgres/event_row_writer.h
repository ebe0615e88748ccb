#pragma once

#include "mccig/core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace mccig {

class QueuedEventReader;

// Turns an event's JSON as queued (API.md §4) straight into its
// conversation_events row in COPY's text format, for
// PostgresEventRepository::storeQueued(), through a QueuedEventReader: it
// accepts exactly what eventFromJson() accepts and builds no
// ConversationEvent. Holds reusable parser buffers: one instance per thread.
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
    std::unique_ptr<QueuedEventReader> m_reader; // keeps simdjson out of this header
};

} // namespace mccig
