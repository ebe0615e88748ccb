#pragma once

#include "mccig/ports/event_queue.h"

#include <string>
#include <vector>

namespace mccig {

// The mccig:retry member for a message: {"attempts":N,"failures":[...],"event":{...}},
// event last (queue_scripts.cpp relies on that order).
std::string retryMember(const QueuedMessage& message);

// The mccig:dlq value: {"id","event","attempts","lastError","failedAt","failures"}.
std::string deadLetterEntry(const QueuedMessage& message, const std::string& id, const std::string& lastError,
                            const std::string& failedAt);

} // namespace mccig
