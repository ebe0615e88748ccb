#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/redis/redis_reply.h"

#include <string>
#include <vector>

namespace mccig {

// Messages from a list of stream entries ([[id, [field, value, ...]], ...]),
// as XREADGROUP and XAUTOCLAIM return them. Entries that are nil (deleted
// meanwhile) are skipped; an entry whose event cannot be parsed is returned
// with an empty `event` so the worker can dead-letter it.
std::vector<QueuedMessage> parseStreamEntries(const RedisReply& entries);

// The mccig:retry member for a message: {"attempts":N,"failures":[...],"event":{...}},
// event last (queue_scripts.cpp relies on that order).
std::string retryMember(const QueuedMessage& message);

// The mccig:dlq value: {"id","event","attempts","lastError","failedAt","failures"}.
std::string deadLetterEntry(const QueuedMessage& message, const std::string& id, const std::string& lastError,
                            const std::string& failedAt);

} // namespace mccig
