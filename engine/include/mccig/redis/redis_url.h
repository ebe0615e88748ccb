#pragma once

#include "mccig/core/result.h"

#include <string>
#include <string_view>

namespace mccig {

// redis://[[user]:password@]host[:port][/db] (API.md §1). Port defaults to 6379,
// db to 0. With a user, connections send AUTH user password (a Redis 6 ACL
// user); without, AUTH password (the default user). "redis://secret@host", the
// older form without a colon, is a password too.
struct RedisEndpoint {
    std::string host;
    int port = 6379;
    std::string password; // empty: no AUTH
    int database = 0;
    std::string user{}; // empty: the default user (a default, so {host, port, password, db} still initialises)
};

// Rejects what it cannot use, with a message that says why: a malformed URL,
// a bad %-escape in the user or password, and rediss:// (hiredis 0.14 has no
// TLS; docs/operations.md shows a TLS sidecar instead).
Result<RedisEndpoint> parseRedisUrl(std::string_view url);

} // namespace mccig
