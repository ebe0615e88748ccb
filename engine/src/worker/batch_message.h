#pragma once

#include "mccig/postgres/event_row_writer.h"
#include "mccig/queue/stream_entry.h"

#include <string>
#include <vector>

namespace mccig {

// One message of a batch as the worker holds it: the stream entry as read
// and, when its event is readable, the row that stores it.
struct BatchMessage {
    StreamEntry entry; // entry.id is cleared once the message is settled
    std::string row;   // its conversation_events row in COPY text; empty: unreadable
};

// The batch for `entries`, each row written by `writer` (on the thread that owns it).
std::vector<BatchMessage> toBatch(std::vector<StreamEntry> entries, EventRowWriter& writer);

} // namespace mccig
