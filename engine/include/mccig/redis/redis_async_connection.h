#pragma once

#include "mccig/core/result.h"
#include "mccig/redis/redis_reply.h"
#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_url.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct redisAsyncContext;

namespace mccig {

// A non-blocking Redis connection driven by a boost::asio::io_context: the
// client for I/O threads. Commands are pipelined: each is written as soon as
// the loop turns, without waiting for earlier replies.
//
// Promises:
// - Never blocks the calling thread (connecting included).
// - Every callback runs exactly once, on the io_context's thread, never inside
//   the call that issued the command. Callbacks must not throw.
// - A command with no reply within the timeout fails with ErrorKind::Timeout.
//   Since replies come in order, that means Redis stopped answering: the
//   connection is then dropped, and the other commands in flight fail too.
// - While disconnected, commands fail at once with ErrorKind::Unavailable and
//   the connection reconnects in the background (50 ms backoff, doubling to
//   1 s), sending AUTH and SELECT and loading the known scripts each time.
//   Commands issued while a connection attempt is under way wait for it.
// - A Redis error reply is ErrorKind::Rejected with the reply's text.
// - Destroying the connection drops the callbacks still pending, uncalled.
//
// Threading: create() may be called from any thread; from then on, every
// call, and the release of the last shared_ptr, happens on the io_context's
// thread (or after the io_context has stopped). The io_context must run on
// a single thread.
class RedisAsyncConnection final : public std::enable_shared_from_this<RedisAsyncConnection> {
public:
    using ReplyCallback = std::function<void(Result<RedisReply>)>;

    static std::shared_ptr<RedisAsyncConnection> create(boost::asio::io_context& io, RedisEndpoint endpoint,
                                                        std::chrono::milliseconds commandTimeout);
    ~RedisAsyncConnection();
    RedisAsyncConnection(const RedisAsyncConnection&) = delete;
    RedisAsyncConnection& operator=(const RedisAsyncConnection&) = delete;

    // Arguments are binary-safe and copied before the call returns.
    void command(std::span<const std::string_view> args, ReplyCallback done);
    void command(const std::vector<std::string>& args, ReplyCallback done);

    // EVALSHA of the script. The connection remembers the script: it is loaded
    // again on every reconnect, and a NOSCRIPT answer (SCRIPT FLUSH) loads it
    // and retries once, the retry getting a fresh timeout.
    void evaluate(const RedisScript& script, std::span<const std::string_view> keys,
                  std::span<const std::string_view> args, ReplyCallback done);

    // True once connected and until the connection is lost.
    bool isConnected() const { return m_connected; }

    // When the oldest command in flight times out, which fails every command
    // behind it as well (the connection is dropped): no command sent now is
    // waited for past it. Nothing when no command is in flight.
    std::optional<std::chrono::steady_clock::time_point> oldestDeadline() const
    {
        if (m_pending.empty())
            return std::nullopt;
        return m_pending.front().deadline;
    }

    struct Private; // construction tag for create()
    RedisAsyncConnection(Private, boost::asio::io_context& io, RedisEndpoint endpoint,
                         std::chrono::milliseconds commandTimeout);

private:
    struct Pending {
        ReplyCallback done;
        std::chrono::steady_clock::time_point deadline;
        std::string retryCommand; // the formatted EVALSHA, kept for a NOSCRIPT retry
        int scriptIndex = -1;
    };
    struct KnownScript {
        RedisScript script;
        bool loadInFlight = false;
    };

    static void onConnected(const redisAsyncContext* context, int status);
    static void onDisconnected(const redisAsyncContext* context, int status);
    static void onReplyReceived(redisAsyncContext* context, void* reply, void* privateData);

    void connect();
    void sendHandshake();
    void scheduleReconnect();
    void dropConnection(const Error& error);
    void handleReply(const void* reply);
    void retryAfterNoScript(Pending entry);
    bool submit(const std::string& formatted, Pending&& entry);
    void submitInternal(std::span<const std::string_view> args, ReplyCallback done);
    static std::string format(std::span<const std::string_view> head, std::span<const std::string_view> keys,
                              std::span<const std::string_view> args);
    int rememberScript(const RedisScript& script);
    void loadScript(int index);
    void armTimeoutTimer();
    void onTimeoutTimer();
    void failSoon(ReplyCallback done, Error error);

    boost::asio::io_context& m_io;
    RedisEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    redisAsyncContext* m_context = nullptr; // owned; freed with redisAsyncFree
    bool m_connected = false;
    std::deque<Pending> m_pending;          // in the order Redis will answer
    boost::asio::steady_timer m_timeoutTimer;
    bool m_timeoutArmed = false;
    boost::asio::steady_timer m_reconnectTimer;
    std::chrono::milliseconds m_backoff;
    std::vector<KnownScript> m_scripts;
};

} // namespace mccig
