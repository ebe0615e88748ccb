#pragma once

#include "mccig/redis/redis_script.h"

namespace mccig {

// The atomic moves of a message between the stream, the retry set and the
// dead-letter queue (docs/redis-keys.md). Each settles an entry only if it is
// still in the stream (XDEL answered 1), so two workers holding the same
// entry settle it once. XACK runs through pcall: a vanished group must not
// abort a script half-way (scripts are not rolled back).

// KEYS: stream. ARGV: group, entry ids... Returns the number acknowledged.
const RedisScript& acknowledgeScript();
// KEYS: stream, retry. ARGV: group, entry id, retry member, delay ms. Returns 1 or 0.
const RedisScript& retryScript();
// KEYS: stream, dlq, dlq order. ARGV: group, entry id, event id, entry JSON. Returns 1 or 0.
const RedisScript& deadLetterScript();
// KEYS: retry, stream. ARGV: max count. Returns {released, ms until the next due or -1}.
const RedisScript& releaseScript();
// KEYS: dlq, dlq order, stream. ARGV: id, the entry as read, event JSON. Returns 1 or 0.
const RedisScript& replayScript();
// KEYS: dlq, dlq order. ARGV: id. Returns 1 or 0.
const RedisScript& removeDeadLetterScript();

} // namespace mccig
