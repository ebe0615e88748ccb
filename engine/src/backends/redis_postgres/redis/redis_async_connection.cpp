#include "mccig/redis/redis_async_connection.h"

#include "asio_hiredis_adapter.h"
#include "hiredis_reply.h"
#include "redis_refusal.h"

#include <hiredis/async.h>

#include <boost/asio/post.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace mccig {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{50};
constexpr std::chrono::milliseconds kMaxBackoff{1000};

void appendBulk(std::string& out, std::string_view value)
{
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value.size()).ptr;
    out.push_back('$');
    out.append(digits.data(), end);
    out.append("\r\n");
    out.append(value);
    out.append("\r\n");
}

std::string describe(const redisAsyncContext* context)
{
    return context != nullptr && context->errstr != nullptr ? std::string(context->errstr) : std::string("connection lost");
}

} // namespace

struct RedisAsyncConnection::Private {};

std::shared_ptr<RedisAsyncConnection> RedisAsyncConnection::create(boost::asio::io_context& io, RedisEndpoint endpoint,
                                                                   std::chrono::milliseconds commandTimeout)
{
    auto connection = std::make_shared<RedisAsyncConnection>(Private{}, io, std::move(endpoint), commandTimeout);
    connection->connect();
    return connection;
}

RedisAsyncConnection::RedisAsyncConnection(Private, boost::asio::io_context& io, RedisEndpoint endpoint,
                                           std::chrono::milliseconds commandTimeout)
    : m_io(io), m_endpoint(std::move(endpoint)), m_timeout(commandTimeout), m_timeoutTimer(io),
      m_reconnectTimer(io), m_backoff(kFirstBackoff)
{
}

RedisAsyncConnection::~RedisAsyncConnection()
{
    if (m_context != nullptr) {
        redisAsyncContext* context = m_context;
        m_context = nullptr;
        context->data = nullptr; // its last callbacks must not reach this object
        redisAsyncFree(context);
    }
}

// --- connection life cycle --------------------------------------------------

void RedisAsyncConnection::connect()
{
    redisAsyncContext* context = redisAsyncConnect(m_endpoint.host.c_str(), m_endpoint.port);
    if (context == nullptr) {
        scheduleReconnect();
        return;
    }
    if (context->err != 0) {
        redisAsyncFree(context);
        scheduleReconnect();
        return;
    }
    context->data = this;
    m_context = context;
    m_connected = false;
    attachAsioAdapter(context, m_io, weak_from_this());
    redisAsyncSetConnectCallback(context, &RedisAsyncConnection::onConnected);
    redisAsyncSetDisconnectCallback(context, &RedisAsyncConnection::onDisconnected);
    sendHandshake();
}

// Queued before any user command, so Redis runs them first once connected.
void RedisAsyncConnection::sendHandshake()
{
    const auto refuseConnection = [this](std::string step) {
        return [this, step = std::move(step)](Result<RedisReply> reply) {
            if (!reply && !isOutage(reply.error()))
                dropConnection(Error{ErrorKind::Unavailable, "redis " + step + ": " + reply.error().message});
        };
    };
    if (!m_endpoint.user.empty()) {
        const std::array<std::string_view, 3> auth{"AUTH", m_endpoint.user, m_endpoint.password};
        submitInternal(auth, refuseConnection("AUTH"));
    } else if (!m_endpoint.password.empty()) {
        const std::array<std::string_view, 2> auth{"AUTH", m_endpoint.password};
        submitInternal(auth, refuseConnection("AUTH"));
    }
    if (m_endpoint.database != 0) {
        const std::string database = std::to_string(m_endpoint.database);
        const std::array<std::string_view, 2> select{"SELECT", database};
        submitInternal(select, refuseConnection("SELECT"));
    }
    for (size_t i = 0; i < m_scripts.size(); ++i)
        loadScript(static_cast<int>(i));
}

void RedisAsyncConnection::onConnected(const redisAsyncContext* context, int status)
{
    auto* self = static_cast<RedisAsyncConnection*>(context->data);
    if (self == nullptr || context != self->m_context)
        return;
    if (status == REDIS_OK) {
        self->m_connected = true;
        self->m_backoff = kFirstBackoff;
        return;
    }
    // hiredis frees the context after this returns.
    const_cast<redisAsyncContext*>(context)->data = nullptr;
    self->m_context = nullptr;
    self->dropConnection(Error{ErrorKind::Unavailable, "redis connect: " + describe(context)});
}

void RedisAsyncConnection::onDisconnected(const redisAsyncContext* context, int)
{
    auto* self = static_cast<RedisAsyncConnection*>(context->data);
    if (self == nullptr || context != self->m_context)
        return;
    // hiredis frees the context after this returns; the pending callbacks
    // have already been answered with a null reply.
    const_cast<redisAsyncContext*>(context)->data = nullptr;
    self->m_context = nullptr;
    self->dropConnection(Error{ErrorKind::Unavailable, "redis: " + describe(context)});
}

// Fails everything in flight and reconnects later. Safe inside hiredis
// callbacks: redisAsyncFree then defers the free until the callback returns.
void RedisAsyncConnection::dropConnection(const Error& error)
{
    if (m_context != nullptr) {
        redisAsyncContext* context = m_context;
        m_context = nullptr;
        context->data = nullptr;
        redisAsyncFree(context);
    }
    m_connected = false;
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& script : m_scripts)
        script.loadInFlight = false;
    scheduleReconnect();
    for (auto& entry : pending) {
        if (entry.done)
            entry.done(std::unexpected(error));
    }
}

void RedisAsyncConnection::scheduleReconnect()
{
    if (m_context != nullptr)
        return;
    m_reconnectTimer.expires_after(m_backoff);
    m_backoff = std::min(m_backoff * 2, kMaxBackoff);
    m_reconnectTimer.async_wait([weak = weak_from_this()](boost::system::error_code error) {
        const auto self = weak.lock();
        if (!error && self && self->m_context == nullptr)
            self->connect();
    });
}

// --- commands ---------------------------------------------------------------

std::string RedisAsyncConnection::format(std::span<const std::string_view> head, std::span<const std::string_view> keys,
                                         std::span<const std::string_view> args)
{
    size_t size = 16;
    for (const auto part : {head, keys, args}) {
        for (const auto value : part)
            size += value.size() + 16;
    }
    std::string out;
    out.reserve(size);
    out.push_back('*');
    out.append(std::to_string(head.size() + keys.size() + args.size()));
    out.append("\r\n");
    for (const auto part : {head, keys, args}) {
        for (const auto value : part)
            appendBulk(out, value);
    }
    return out;
}

void RedisAsyncConnection::command(std::span<const std::string_view> args, ReplyCallback done)
{
    if (args.empty()) {
        failSoon(std::move(done), Error{ErrorKind::Internal, "redis: empty command"});
        return;
    }
    submit(format(args, {}, {}), Pending{std::move(done), {}, {}, -1});
}

void RedisAsyncConnection::command(const std::vector<std::string>& args, ReplyCallback done)
{
    std::vector<std::string_view> views(args.begin(), args.end());
    command(std::span<const std::string_view>(views), std::move(done));
}

void RedisAsyncConnection::evaluate(const RedisScript& script, std::span<const std::string_view> keys,
                                    std::span<const std::string_view> args, ReplyCallback done)
{
    const int index = rememberScript(script);
    std::array<char, 24> keyCount{};
    const auto end = std::to_chars(keyCount.data(), keyCount.data() + keyCount.size(), keys.size()).ptr;
    const std::array<std::string_view, 3> head{"EVALSHA", m_scripts[index].script.sha1(),
                                               std::string_view(keyCount.data(), end)};
    Pending entry{std::move(done), {}, format(head, keys, args), index};
    submit(entry.retryCommand, std::move(entry));
}

void RedisAsyncConnection::submitInternal(std::span<const std::string_view> args, ReplyCallback done)
{
    submit(format(args, {}, {}), Pending{std::move(done), {}, {}, -1});
}

// `formatted` may refer into `entry`: it is used before `entry` moves.
bool RedisAsyncConnection::submit(const std::string& formatted, Pending&& entry)
{
    if (m_context == nullptr) {
        failSoon(std::move(entry.done), Error{ErrorKind::Unavailable, "redis: not connected, reconnecting"});
        return false;
    }
    if (redisAsyncFormattedCommand(m_context, &RedisAsyncConnection::onReplyReceived, nullptr, formatted.data(),
                                   formatted.size())
        != REDIS_OK) {
        failSoon(std::move(entry.done), Error{ErrorKind::Unavailable, "redis: " + describe(m_context)});
        return false;
    }
    entry.deadline = std::chrono::steady_clock::now() + m_timeout;
    m_pending.push_back(std::move(entry));
    armTimeoutTimer();
    return true;
}

void RedisAsyncConnection::failSoon(ReplyCallback done, Error error)
{
    if (!done)
        return;
    boost::asio::post(m_io, [done = std::move(done), error = std::move(error)]() mutable {
        done(std::unexpected(std::move(error)));
    });
}

// --- replies ----------------------------------------------------------------

void RedisAsyncConnection::onReplyReceived(redisAsyncContext* context, void* reply, void*)
{
    auto* self = static_cast<RedisAsyncConnection*>(context->data);
    if (self == nullptr || context != self->m_context)
        return; // a dropped connection's leftovers, already answered
    self->handleReply(reply);
}

void RedisAsyncConnection::handleReply(const void* rawReply)
{
    if (m_pending.empty())
        return;
    Pending entry = std::move(m_pending.front());
    m_pending.pop_front();
    if (entry.scriptIndex >= 0 && entry.retryCommand.empty())
        m_scripts[entry.scriptIndex].loadInFlight = false; // this was the SCRIPT LOAD
    if (rawReply == nullptr) {
        if (entry.done)
            entry.done(std::unexpected(Error{ErrorKind::Unavailable, "redis: " + describe(m_context)}));
        return;
    }
    RedisReply reply = copyHiredisReply(static_cast<const redisReply*>(rawReply));
    if (!reply.isError()) {
        if (entry.done)
            entry.done(std::move(reply));
        return;
    }
    auto refusal = redisRefusal(std::move(reply.text));
    if (entry.scriptIndex >= 0 && !entry.retryCommand.empty() && refusal.code == ErrorCode::NoScript) {
        retryAfterNoScript(std::move(entry));
        return;
    }
    if (entry.done)
        entry.done(std::unexpected(std::move(refusal)));
}

void RedisAsyncConnection::retryAfterNoScript(Pending entry)
{
    if (!m_scripts[entry.scriptIndex].loadInFlight)
        loadScript(entry.scriptIndex);
    const std::string command = std::move(entry.retryCommand);
    entry.retryCommand.clear(); // a second NOSCRIPT is final
    entry.scriptIndex = -1;
    submit(command, std::move(entry));
}

int RedisAsyncConnection::rememberScript(const RedisScript& script)
{
    for (size_t i = 0; i < m_scripts.size(); ++i) {
        if (m_scripts[i].script.sha1() == script.sha1())
            return static_cast<int>(i);
    }
    m_scripts.push_back(KnownScript{script, false});
    return static_cast<int>(m_scripts.size() - 1);
}

// A SCRIPT LOAD is a Pending with a script index and no retry command; its
// reply clears loadInFlight. Its failure needs no handling: the EVALSHA after
// it reports the problem.
void RedisAsyncConnection::loadScript(int index)
{
    const std::array<std::string_view, 3> load{"SCRIPT", "LOAD", m_scripts[index].script.source()};
    if (submit(format(load, {}, {}), Pending{{}, {}, {}, index}))
        m_scripts[index].loadInFlight = true;
}

// --- timeouts ---------------------------------------------------------------

// One timer for the oldest command: replies come in order, so when it has
// no reply in time, nothing behind it has one either.
void RedisAsyncConnection::armTimeoutTimer()
{
    if (m_timeoutArmed || m_pending.empty())
        return;
    m_timeoutArmed = true;
    m_timeoutTimer.expires_at(m_pending.front().deadline);
    m_timeoutTimer.async_wait([weak = weak_from_this()](boost::system::error_code) {
        if (const auto self = weak.lock())
            self->onTimeoutTimer();
    });
}

void RedisAsyncConnection::onTimeoutTimer()
{
    m_timeoutArmed = false;
    if (m_pending.empty())
        return;
    if (m_pending.front().deadline <= std::chrono::steady_clock::now()) {
        dropConnection(Error{ErrorKind::Timeout,
                             "redis: no reply within " + std::to_string(m_timeout.count()) + " ms"});
        return;
    }
    armTimeoutTimer();
}

} // namespace mccig
