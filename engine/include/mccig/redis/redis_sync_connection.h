#pragma once

#include "mccig/core/result.h"
#include "mccig/redis/redis_reply.h"
#include "mccig/redis/redis_url.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

struct redisContext;

namespace mccig {

class ReplyBuilder;

// A blocking connection to one Redis, for threads that may block: worker,
// admin and desktop worker threads. Never use it on an I/O thread (use
// RedisAsyncConnection there).
//
// Connects lazily on the first call (or explicitly with connect()), sending
// AUTH and SELECT from the endpoint. Every call is bounded by the timeout:
// connecting, and each command's send and reply. When the connection breaks
// or times out the call fails with ErrorKind::Unavailable or ErrorKind::Timeout,
// the socket is dropped, and the next call connects again.
//
// Not thread-safe: one thread at a time. Movable, not copyable.
class RedisSyncConnection {
public:
    RedisSyncConnection(RedisEndpoint endpoint, std::chrono::milliseconds timeout);
    ~RedisSyncConnection();
    RedisSyncConnection(RedisSyncConnection&&) noexcept;
    RedisSyncConnection& operator=(RedisSyncConnection&&) noexcept;
    RedisSyncConnection(const RedisSyncConnection&) = delete;
    RedisSyncConnection& operator=(const RedisSyncConnection&) = delete;

    // Connects (AUTH, SELECT) unless already connected.
    Result<void> connect();
    bool isConnected() const;
    // Drops the socket; the next call reconnects.
    void disconnect();

    // One command, arguments binary-safe (redisCommandArgv). A Redis error
    // reply ("ERR ...", "WRONGTYPE ...") is returned as ErrorKind::Rejected
    // with the reply text as message. A connection that Redis closed while
    // it was idle (Redis restarted, or dropped the client) is opened again
    // before anything is sent on it.
    Result<RedisReply> command(const std::vector<std::string>& args);

    // The same, but `builder` takes the reply element by element as it is
    // parsed, instead of a RedisReply copy: for large replies such as a batch
    // of stream entries (ReplyBuilder is private to the engine). An error
    // reply fails as above and never reaches the builder.
    Result<void> command(const std::vector<std::string>& args, ReplyBuilder& builder);

    // Sends every command, then reads every reply: one round trip. A command
    // that Redis refuses shows as a RedisReply of Type::Error in its slot; the
    // call itself fails only when the connection does.
    Result<std::vector<RedisReply>> pipeline(const std::vector<std::vector<std::string>>& commands);

    // Applies to later commands (e.g. for XREADGROUP BLOCK, which must block
    // for less than this). Connecting always uses the constructor's timeout.
    void setCommandTimeout(std::chrono::milliseconds timeout);

    const RedisEndpoint& endpoint() const { return m_endpoint; }

private:
    struct ContextDeleter {
        void operator()(redisContext* context) const;
    };
    using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;

    Result<void> authenticateAndSelect();
    Result<void> send(const std::vector<std::string>& args);
    // connect(), after dropping a connection the peer has closed.
    Result<void> connectAfresh();
    Result<void> appendCommand(const std::vector<std::string>& args);
    Result<void*> receive();
    Result<RedisReply> readReply();
    Error dropWithContextError();

    RedisEndpoint m_endpoint;
    std::chrono::milliseconds m_connectTimeout;
    std::chrono::milliseconds m_commandTimeout;
    ContextPtr m_context;
};

} // namespace mccig
