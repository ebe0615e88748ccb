#include "mccig/postgres/pg_connection.h"

#include <libpq-fe.h>

#if defined(_WIN32)
#include <winsock2.h>
#else
#include <poll.h>
#endif

#include <algorithm>
#include <array>
#include <cerrno>
#include <string_view>

namespace mccig {
namespace {

using Clock = std::chrono::steady_clock;

// Windows has poll() as WSAPoll(), with the same pollfd.
int pollOne(pollfd& descriptor, int timeoutMs)
{
#if defined(_WIN32)
    return WSAPoll(&descriptor, 1, timeoutMs);
#else
    return poll(&descriptor, 1, timeoutMs);
#endif
}

std::string trimmed(const char* text)
{
    std::string value = text ? text : "";
    while (!value.empty() && (value.back() == '\n' || value.back() == ' '))
        value.pop_back();
    return value;
}

// Outage classes: the server cannot serve anyone right now, whatever the data.
bool isOutageState(std::string_view state)
{
    return state.starts_with("08") || state.starts_with("40") || state.starts_with("53")
        || state.starts_with("57P");
}

constexpr std::string_view kUniqueViolation = "23505";

int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

} // namespace

void PgResultDeleter::operator()(pg_result* result) const { PQclear(result); }

void PgConnection::ConnectionDeleter::operator()(pg_conn* connection) const { PQfinish(connection); }

PgConnection::PgConnection(std::string url, std::chrono::milliseconds timeout)
    : m_url(std::move(url)), m_timeout(timeout)
{
}

PgConnection::~PgConnection() = default;
PgConnection::PgConnection(PgConnection&&) noexcept = default;
PgConnection& PgConnection::operator=(PgConnection&&) noexcept = default;

bool PgConnection::isConnected() const
{
    return m_connection && PQstatus(m_connection.get()) == CONNECTION_OK;
}

void PgConnection::disconnect() { m_connection.reset(); }

Error PgConnection::dropWith(ErrorKind kind, std::string message)
{
    m_connection.reset();
    return Error{kind, std::move(message)};
}

Result<void> PgConnection::waitSocket(bool forWrite, Clock::time_point deadline)
{
    const int socket = PQsocket(m_connection.get());
    if (socket < 0)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: no socket"));
    pollfd descriptor{};
    descriptor.fd = static_cast<decltype(descriptor.fd)>(socket);
    descriptor.events = static_cast<short>(forWrite ? POLLOUT : POLLIN);
    for (;;) {
        const int ready = pollOne(descriptor, remainingMs(deadline));
        if (ready > 0)
            return {};
        if (ready == 0)
            return std::unexpected(dropWith(ErrorKind::Timeout, "postgresql: no answer within the backend timeout"));
        if (errno != EINTR)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: poll failed"));
    }
}

Result<void> PgConnection::connect()
{
    if (isConnected())
        return {};
    // libpq's connect_timeout takes whole seconds (at least 2); our own poll
    // deadline below is the real bound.
    const auto seconds = std::max<long long>(2, (m_timeout.count() + 999) / 1000);
    const std::string timeoutText = std::to_string(seconds);
    const std::array<const char*, 3> keys{"dbname", "connect_timeout", nullptr};
    const std::array<const char*, 3> values{m_url.c_str(), timeoutText.c_str(), nullptr};
    m_connection.reset(PQconnectStartParams(keys.data(), values.data(), 1));
    if (!m_connection || PQstatus(m_connection.get()) == CONNECTION_BAD)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
    const auto deadline = Clock::now() + m_timeout;
    for (PostgresPollingStatusType state = PGRES_POLLING_WRITING;;) {
        if (state == PGRES_POLLING_OK)
            break;
        if (state == PGRES_POLLING_FAILED)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
        if (auto waited = waitSocket(state == PGRES_POLLING_WRITING, deadline); !waited)
            return waited;
        state = PQconnectPoll(m_connection.get());
    }
    // Notices ("relation already exists, skipping") would go to stderr, which
    // carries the server's JSON log lines: drop them.
    PQsetNoticeProcessor(m_connection.get(), [](void*, const char*) {}, nullptr);
    if (PQsetnonblocking(m_connection.get(), 1) != 0)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: cannot switch to non-blocking mode"));
    return {};
}

Result<void> PgConnection::flushAndRead(Clock::time_point deadline)
{
    for (;;) {
        const int flushed = PQflush(m_connection.get());
        if (flushed == 0)
            break;
        if (flushed < 0)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
        // Flushing may need the server to read first: wait for either direction.
        if (auto waited = waitSocket(true, deadline); !waited)
            return waited;
        if (PQconsumeInput(m_connection.get()) == 0)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
    }
    while (PQisBusy(m_connection.get())) {
        if (auto waited = waitSocket(false, deadline); !waited)
            return waited;
        if (PQconsumeInput(m_connection.get()) == 0)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
    }
    return {};
}

Result<PgResult> PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params)
{
    if (auto connected = connect(); !connected)
        return std::unexpected(connected.error());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params)
        values.push_back(param ? param->c_str() : nullptr);
    const auto deadline = Clock::now() + m_timeout;
    if (PQsendQueryParams(m_connection.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                          values.data(), nullptr, nullptr, 0) == 0)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
    return finalResult(deadline);
}

Result<PgResult> PgConnection::copyIn(const std::string& sql, std::string_view data)
{
    if (auto connected = connect(); !connected)
        return std::unexpected(connected.error());
    const auto deadline = Clock::now() + m_timeout;
    if (PQsendQuery(m_connection.get(), sql.c_str()) == 0)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
    if (auto read = flushAndRead(deadline); !read)
        return std::unexpected(read.error());
    PgResult started(PQgetResult(m_connection.get()));
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
        // Refused before any data: the error is this result; read to the end
        // so the connection is ready for the next statement.
        for (;;) {
            if (auto read = flushAndRead(deadline); !read)
                return std::unexpected(read.error());
            if (!PgResult(PQgetResult(m_connection.get())))
                break;
        }
        return classify(std::move(started));
    }
    // Non-blocking: 0 means "libpq's buffer is full, wait until the socket drains".
    for (int sent = 0; (sent = PQputCopyData(m_connection.get(), data.data(), static_cast<int>(data.size()))) != 1;) {
        if (sent < 0)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
        if (auto waited = waitSocket(true, deadline); !waited)
            return std::unexpected(waited.error());
    }
    for (int ended = 0; (ended = PQputCopyEnd(m_connection.get(), nullptr)) != 1;) {
        if (ended < 0)
            return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + trimmed(PQerrorMessage(m_connection.get()))));
        if (auto waited = waitSocket(true, deadline); !waited)
            return std::unexpected(waited.error());
    }
    return finalResult(deadline);
}

Result<PgResult> PgConnection::finalResult(Clock::time_point deadline)
{
    PgResult last;
    for (;;) {
        if (auto read = flushAndRead(deadline); !read)
            return std::unexpected(read.error());
        PgResult next(PQgetResult(m_connection.get()));
        if (!next)
            break;
        last = std::move(next);
    }
    return classify(std::move(last));
}

Result<PgResult> PgConnection::classify(PgResult result)
{
    if (!result)
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: no result"));
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
    const char* stateField = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    const std::string state = stateField ? stateField : "";
    std::string message = state + " " + trimmed(PQresultErrorMessage(result.get()));
    if (PQstatus(m_connection.get()) == CONNECTION_BAD || state.empty() || isOutageState(state))
        return std::unexpected(dropWith(ErrorKind::Unavailable, "postgresql: " + message));
    const auto code = state == kUniqueViolation ? ErrorCode::UniqueViolation : ErrorCode::Unspecified;
    return std::unexpected(Error{ErrorKind::Rejected, message, code});
}

} // namespace mccig
