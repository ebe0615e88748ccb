#pragma once

#include "mccig/redis/redis_script.h"

namespace mccig {

// The atomic moves of a message between the stream, the retry set and the
// dead-letter queue (docs/redis-keys.md). Each settles an entry only if XACK
// took it off the pending list, so two workers holding the same entry settle
// it once. XACK answers 0 for a vanished group too: nothing is settled then,
// and the recreated group delivers the entry again. Settled entries leave the
// stream by XTRIM, once no older entry is pending.

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
// KEYS: stream. ARGV: group, min idle ms. Returns the names of the consumers
// removed: idle that long and holding nothing. The check and XGROUP
// DELCONSUMER are one script because DELCONSUMER drops whatever the consumer
// holds: one that read a message between a separate check and the delete
// would lose it. Answers {} when the group does not exist.
const RedisScript& removeIdleConsumersScript();

} // namespace mccig
