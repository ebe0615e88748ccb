#pragma once

#include "mccig/core/result.h"

namespace mccig {

class RedisSyncConnection;

// How much work is waiting (docs/redis-keys.md).
struct QueueDepth {
    long long streamed = 0;    // new and in-flight messages in mccig:events (lag + pending of its group)
    long long retrying = 0;    // ZCARD mccig:retry
    long long deadLetters = 0; // HLEN mccig:dlq

    long long queued() const { return streamed + retrying; } // mccig_queue_depth
};

// Reads the three figures in one round trip. Blocks; call it off the I/O
// thread (a BlockingPool task), with that thread's own connection.
Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection);

} // namespace mccig
