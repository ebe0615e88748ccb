#pragma once

#include "mccig/core/result.h"

#include <string_view>

namespace mccig {

class RedisSyncConnection;

// The ingest queue (docs/redis-keys.md): a stream read by one consumer group.
inline constexpr std::string_view kEventStreamKey = "mccig:events";
inline constexpr std::string_view kWorkerGroup = "workers";

// Creates the stream and its consumer group (XGROUP CREATE ... 0 MKSTREAM)
// unless the group exists already. Idempotent; called at start-up and by a
// worker that finds the group gone.
Result<void> ensureEventStream(RedisSyncConnection& connection);

} // namespace mccig
