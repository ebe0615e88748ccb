#include "mccig/redis/redis_sync_connection.h"

#include "hiredis_reply.h"
#include "raw_reply_reader.h"

#include <hiredis/hiredis.h>

#include <cerrno>
#include <string_view>
#include <sys/time.h>

namespace mccig {
namespace {

timeval toTimeval(std::chrono::milliseconds timeout)
{
    const auto ms = timeout.count() > 0 ? timeout.count() : 1;
    return timeval{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
}

// hiredis reports a timeout as an I/O error; errno (or, once clobbered, the
// text) tells it apart from a refused or reset connection.
bool isTimeoutError(int savedErrno, std::string_view text)
{
    return savedErrno == EAGAIN || savedErrno == EWOULDBLOCK || savedErrno == ETIMEDOUT
        || text.find("timed out") != std::string_view::npos
        || text.find("temporarily unavailable") != std::string_view::npos;
}

// Copies the reply into a RedisReply: how every reply but the large ones is read.
class CopyingReader final : public RawReplyReader {
public:
    Result<void> read(const redisReply& reply) override
    {
        m_reply = copyHiredisReply(&reply);
        return {};
    }

    RedisReply takeReply() { return std::move(m_reply); }

private:
    RedisReply m_reply;
};

// Fails an error reply as command() does; passes any other to `reader`.
class RefusalCheckingReader final : public RawReplyReader {
public:
    explicit RefusalCheckingReader(RawReplyReader& reader) : m_reader(reader) {}

    Result<void> read(const redisReply& reply) override
    {
        if (reply.type == REDIS_REPLY_ERROR)
            return failure(ErrorKind::Rejected, std::string(reply.str, reply.len));
        return m_reader.read(reply);
    }

private:
    RawReplyReader& m_reader;
};

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
        if (auto reply = command({"AUTH", m_endpoint.password}); !reply)
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

Result<RedisReply> RedisSyncConnection::readReply()
{
    CopyingReader copier;
    if (auto read = readReply(copier); !read)
        return std::unexpected(read.error());
    return copier.takeReply();
}

Result<void> RedisSyncConnection::readReply(RawReplyReader& reader)
{
    void* raw = nullptr;
    errno = 0;
    if (redisGetReply(m_context.get(), &raw) != REDIS_OK || raw == nullptr)
        return std::unexpected(dropWithContextError());
    std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(static_cast<redisReply*>(raw), &freeReplyObject);
    return reader.read(*reply);
}

Result<void> RedisSyncConnection::send(const std::vector<std::string>& args)
{
    if (args.empty())
        return failure(ErrorKind::Internal, "redis: empty command");
    if (auto connected = connect(); !connected)
        return connected;
    return appendCommand(args);
}

Result<RedisReply> RedisSyncConnection::command(const std::vector<std::string>& args)
{
    if (auto sent = send(args); !sent)
        return std::unexpected(sent.error());
    auto reply = readReply();
    if (reply && reply->isError())
        return failure(ErrorKind::Rejected, reply->text);
    return reply;
}

Result<void> RedisSyncConnection::command(const std::vector<std::string>& args, RawReplyReader& reader)
{
    if (auto sent = send(args); !sent)
        return sent;
    RefusalCheckingReader checked(reader);
    return readReply(checked);
}

Result<std::vector<RedisReply>> RedisSyncConnection::pipeline(const std::vector<std::vector<std::string>>& commands)
{
    for (const auto& args : commands) {
        if (args.empty())
            return failure(ErrorKind::Internal, "redis: empty command in pipeline");
    }
    if (auto connected = connect(); !connected)
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
