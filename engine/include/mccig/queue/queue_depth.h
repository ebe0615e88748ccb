#pragma once

#include "mccig/core/result.h"
#include "mccig/ports/live_stats.h"

namespace mccig {

class RedisSyncConnection;

// The QueueDepth of the Redis backend (docs/redis-keys.md): streamed is the
// group's pending plus undelivered entries of mccig:events, retrying is ZCARD
// mccig:retry, deadLetters is HLEN mccig:dlq, oldestAge is by the oldest
// unsettled entry id's time. Reads the three figures in one round trip. The
// undelivered count never trusts Redis's lag beyond what the stream holds.
// Blocks; call it off the I/O thread, with that thread's own connection.
Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection);

} // namespace mccig
