#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/queue/stream_entry.h"
#include "mccig/redis/redis_reply.h"

#include <string>
#include <vector>

namespace mccig {

// The entries of a list of stream entries ([[id, [field, value, ...]], ...]),
// as XREADGROUP and XAUTOCLAIM return them; their strings are moved out of
// `entries`. Entries that are nil (deleted meanwhile) are skipped.
std::vector<StreamEntry> takeStreamEntries(RedisReply& entries);

// The mccig:retry member for a message: {"attempts":N,"failures":[...],"event":{...}},
// event last (queue_scripts.cpp relies on that order).
std::string retryMember(const QueuedMessage& message);

// The mccig:dlq value: {"id","event","attempts","lastError","failedAt","failures"}.
std::string deadLetterEntry(const QueuedMessage& message, const std::string& id, const std::string& lastError,
                            const std::string& failedAt);

} // namespace mccig
