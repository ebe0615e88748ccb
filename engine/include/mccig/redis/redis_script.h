#pragma once

#include "mccig/core/result.h"
#include "mccig/redis/redis_reply.h"

#include <string>
#include <vector>

namespace mccig {

class RedisSyncConnection;

// A Lua script and its SHA1, run with EVALSHA so only the digest travels on
// each call. A plain immutable value; share it between threads freely.
class RedisScript {
public:
    explicit RedisScript(std::string source);

    const std::string& source() const { return m_source; }
    const std::string& sha1() const { return m_sha1; } // lowercase hex

    // EVALSHA; when Redis does not know the script (NOSCRIPT: restart, SCRIPT
    // FLUSH) it is loaded with SCRIPT LOAD and run once more. A script error
    // is ErrorKind::Rejected; a connection failure Unavailable or Timeout.
    Result<RedisReply> evaluate(RedisSyncConnection& connection, const std::vector<std::string>& keys,
                                const std::vector<std::string>& args) const;

    // The EVALSHA argv for these keys and args (for pipelines and the async client).
    std::vector<std::string> evalShaCommand(const std::vector<std::string>& keys,
                                            const std::vector<std::string>& args) const;

private:
    std::string m_source;
    std::string m_sha1;
};

} // namespace mccig
