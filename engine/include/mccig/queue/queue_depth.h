#pragma once

#include "mccig/core/result.h"

#include <chrono>

namespace mccig {

class RedisSyncConnection;

// How much work is waiting (docs/redis-keys.md).
struct QueueDepth {
    long long streamed = 0;    // new and in-flight messages in mccig:events (its group's pending + undelivered)
    long long retrying = 0;    // ZCARD mccig:retry
    long long deadLetters = 0; // HLEN mccig:dlq
    // How long the oldest message in the stream has waited unsettled (by its
    // entry id's time); 0 when none waits. Retries waiting for their time are
    // not in the stream and not counted.
    std::chrono::milliseconds oldestAge{0};

    long long queued() const { return streamed + retrying; } // mccig_queue_depth
};

// Reads the three figures in one round trip. The undelivered count never
// trusts Redis's lag beyond what the stream holds (docs/redis-keys.md). Blocks; call it off the I/O
// thread (a BlockingPool task), with that thread's own connection.
Result<QueueDepth> readQueueDepth(RedisSyncConnection& connection);

} // namespace mccig
