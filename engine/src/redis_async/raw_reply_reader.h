#pragma once

#include "mccig/core/result.h"

struct redisReply;

namespace mccig {

// Reads a reply straight from the hiredis objects, for large replies whose
// RedisReply copy would cost more than the reading itself (a batch of stream
// entries). Private to the engine, so redisReply never reaches a public header.
class RawReplyReader {
public:
    virtual ~RawReplyReader() = default;

    // Called once with the whole reply (never an error reply, never null);
    // the objects are freed as soon as it returns.
    virtual Result<void> read(const redisReply& reply) = 0;
};

} // namespace mccig
