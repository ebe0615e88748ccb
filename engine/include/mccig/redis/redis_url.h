#pragma once

#include "mccig/core/result.h"

#include <string>
#include <string_view>

namespace mccig {

// redis://[:password@]host:port[/db] (API.md §1). Port defaults to 6379, db to 0.
struct RedisEndpoint {
    std::string host;
    int port = 6379;
    std::string password;
    int database = 0;
};

Result<RedisEndpoint> parseRedisUrl(std::string_view url);

} // namespace mccig
