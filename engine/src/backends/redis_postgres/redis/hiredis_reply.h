#pragma once

#include "mccig/redis/redis_reply.h"

struct redisReply;

namespace mccig {

// Deep-copies a hiredis reply into the owned RedisReply (private to the Redis layer).
RedisReply copyHiredisReply(const redisReply* reply);

} // namespace mccig
