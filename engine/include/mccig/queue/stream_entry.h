#pragma once

#include "mccig/ports/event_queue.h"

#include <string>

namespace mccig {

// One entry of the mccig:events stream with its fields as stored
// (docs/redis-keys.md), nothing parsed: the worker reads the event JSON
// straight into a row and parses the rest only for a message that fails.
struct StreamEntry {
    std::string id;                 // the stream entry id
    std::string event;              // the event JSON exactly as queued
    int attempts = 0;               // failed attempts so far
    std::string failures = "[]";    // JSON array of earlier failures
};

// The entry as a QueuedMessage: event and failures parsed; an event that
// cannot be parsed leaves `event` empty (the message is unreadable).
QueuedMessage toQueuedMessage(StreamEntry entry);

} // namespace mccig
