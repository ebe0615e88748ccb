#include "mccig/redis/redis_sync_connection.h"

#include "hiredis_reply.h"
#include "redis_refusal.h"
#include "reply_builder_functions.h"

#include <hiredis/hiredis.h>

#include <cerrno>
#include <string_view>
#if !defined(_WIN32)
#include <poll.h>
#include <sys/time.h> // Windows declares timeval in winsock2.h, which hiredis includes
#endif

namespace mccig {
namespace {

timeval toTimeval(std::chrono::milliseconds timeout)
{
    const auto ms = timeout.count() > 0 ? timeout.count() : 1;
    // The field types differ between platforms (long on Windows, time_t and suseconds_t on POSIX).
    return timeval{static_cast<decltype(timeval::tv_sec)>(ms / 1000),
                   static_cast<decltype(timeval::tv_usec)>((ms % 1000) * 1000)};
}

// hiredis reports a timeout as an I/O error; errno (or, once clobbered, the
// text) tells it apart from a refused or reset connection.
bool isTimeoutError(int savedErrno, std::string_view text)
{
    return savedErrno == EAGAIN || savedErrno == EWOULDBLOCK || savedErrno == ETIMEDOUT
        || text.find("timed out") != std::string_view::npos
        || text.find("temporarily unavailable") != std::string_view::npos;
}

// True when the peer has closed `fd` (Redis restarted, or dropped the idle
// client): a connection between commands has nothing to read unless it is at
// its end, failed, or holds bytes nobody asked for, and is not to be sent
// on. Looked at without waiting and before anything is sent, so nothing is
// ever sent twice.
bool closedByPeer(decltype(redisContext::fd) fd)
{
#if defined(_WIN32)
    WSAPOLLFD watch{fd, POLLRDNORM, 0};
    return WSAPoll(&watch, 1, 0) > 0;
#else
    pollfd watch{fd, POLLIN, 0};
    return ::poll(&watch, 1, 0) > 0;
#endif
}

} // namespace

void RedisSyncConnection::ContextDeleter::operator()(redisContext* context) const { redisFree(context); }

RedisSyncConnection::RedisSyncConnection(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_endpoint(std::move(endpoint)), m_connectTimeout(timeout), m_commandTimeout(timeout)
{
}

RedisSyncConnection::~RedisSyncConnection() = default;
RedisSyncConnection::RedisSyncConnection(RedisSyncConnection&&) noexcept = default;
RedisSyncConnection& RedisSyncConnection::operator=(RedisSyncConnection&&) noexcept = default;

bool RedisSyncConnection::isConnected() const { return m_context != nullptr; }

void RedisSyncConnection::disconnect() { m_context.reset(); }

void RedisSyncConnection::setCommandTimeout(std::chrono::milliseconds timeout)
{
    m_commandTimeout = timeout;
    if (m_context)
        redisSetTimeout(m_context.get(), toTimeval(timeout));
}

Result<void> RedisSyncConnection::connect()
{
    if (m_context)
        return {};
    errno = 0;
    ContextPtr context(redisConnectWithTimeout(m_endpoint.host.c_str(), m_endpoint.port, toTimeval(m_connectTimeout)));
    const int savedErrno = errno;
    if (!context)
        return failure(ErrorKind::Unavailable, "redis: cannot allocate a connection");
    if (context->err != 0) {
        const std::string text = context->errstr;
        const auto kind = isTimeoutError(savedErrno, text) ? ErrorKind::Timeout : ErrorKind::Unavailable;
        return failure(kind, "redis " + m_endpoint.host + ":" + std::to_string(m_endpoint.port) + ": " + text);
    }
    redisSetTimeout(context.get(), toTimeval(m_commandTimeout));
    m_context = std::move(context);
    if (auto ready = authenticateAndSelect(); !ready) {
        m_context.reset();
        return ready;
    }
    return {};
}

// A refused AUTH or SELECT is a misconfigured backend, not a bad request:
// callers must see it as an outage.
Result<void> RedisSyncConnection::authenticateAndSelect()
{
    if (!m_endpoint.password.empty()) {
        auto reply = m_endpoint.user.empty() ? command({"AUTH", m_endpoint.password})
                                             : command({"AUTH", m_endpoint.user, m_endpoint.password});
        if (!reply)
            return failure(ErrorKind::Unavailable, "redis AUTH: " + reply.error().message);
    }
    if (m_endpoint.database != 0) {
        if (auto reply = command({"SELECT", std::to_string(m_endpoint.database)}); !reply)
            return failure(ErrorKind::Unavailable, "redis SELECT: " + reply.error().message);
    }
    return {};
}

Error RedisSyncConnection::dropWithContextError()
{
    const int savedErrno = errno;
    const std::string text = m_context ? std::string(m_context->errstr) : std::string("not connected");
    m_context.reset();
    const auto kind = isTimeoutError(savedErrno, text) ? ErrorKind::Timeout : ErrorKind::Unavailable;
    return Error{kind, "redis: " + text};
}

Result<void> RedisSyncConnection::appendCommand(const std::vector<std::string>& args)
{
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    argv.reserve(args.size());
    lengths.reserve(args.size());
    for (const auto& arg : args) {
        argv.push_back(arg.data());
        lengths.push_back(arg.size());
    }
    if (redisAppendCommandArgv(m_context.get(), static_cast<int>(args.size()), argv.data(), lengths.data()) != REDIS_OK)
        return std::unexpected(dropWithContextError());
    return {};
}

Result<void*> RedisSyncConnection::receive()
{
    void* reply = nullptr;
    errno = 0;
    if (redisGetReply(m_context.get(), &reply) != REDIS_OK || reply == nullptr)
        return std::unexpected(dropWithContextError());
    return reply;
}

Result<RedisReply> RedisSyncConnection::readReply()
{
    auto raw = receive();
    if (!raw)
        return std::unexpected(raw.error());
    std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(static_cast<redisReply*>(*raw), &freeReplyObject);
    return copyHiredisReply(reply.get());
}

Result<void> RedisSyncConnection::send(const std::vector<std::string>& args)
{
    if (args.empty())
        return failure(ErrorKind::Internal, "redis: empty command");
    if (auto connected = connectAfresh(); !connected)
        return connected;
    return appendCommand(args);
}

Result<void> RedisSyncConnection::connectAfresh()
{
    if (m_context && closedByPeer(m_context->fd))
        m_context.reset();
    return connect();
}

Result<RedisReply> RedisSyncConnection::command(const std::vector<std::string>& args)
{
    if (auto sent = send(args); !sent)
        return std::unexpected(sent.error());
    auto reply = readReply();
    if (reply && reply->isError())
        return std::unexpected(redisRefusal(std::move(reply->text)));
    return reply;
}

Result<void> RedisSyncConnection::command(const std::vector<std::string>& args, ReplyBuilder& builder)
{
    if (auto sent = send(args); !sent)
        return sent;
    BuildingReply building{builder, std::nullopt};
    redisReader* reader = m_context->reader;
    redisReplyObjectFunctions* ownFunctions = reader->fn;
    reader->fn = builderReplyFunctions();
    reader->privdata = &building;
    // On failure the context is dropped with the builder's functions still
    // installed: they are the ones that can free a half-read reply.
    if (auto received = receive(); !received)
        return std::unexpected(received.error());
    reader->fn = ownFunctions;
    reader->privdata = nullptr;
    if (building.refusal)
        return std::unexpected(redisRefusal(std::move(*building.refusal)));
    return {};
}

Result<std::vector<RedisReply>> RedisSyncConnection::pipeline(const std::vector<std::vector<std::string>>& commands)
{
    for (const auto& args : commands) {
        if (args.empty())
            return failure(ErrorKind::Internal, "redis: empty command in pipeline");
    }
    if (auto connected = connectAfresh(); !connected)
        return std::unexpected(connected.error());
    for (const auto& args : commands) {
        if (auto appended = appendCommand(args); !appended)
            return std::unexpected(appended.error());
    }
    std::vector<RedisReply> replies;
    replies.reserve(commands.size());
    for (size_t i = 0; i < commands.size(); ++i) {
        auto reply = readReply();
        if (!reply)
            return std::unexpected(reply.error());
        replies.push_back(std::move(*reply));
    }
    return replies;
}

} // namespace mccig
