#pragma once

#include "mccig/redis/redis_sync_connection.h"

#include <optional>

namespace mccig::bench {

// CPU seconds (user + system) Redis has used since it started, from INFO cpu;
// nothing if Redis does not say.
std::optional<double> redisCpuSeconds(RedisSyncConnection& redis);

// CPU seconds (user + system) this process has used so far, all threads.
double processCpuSeconds();

} // namespace mccig::bench
