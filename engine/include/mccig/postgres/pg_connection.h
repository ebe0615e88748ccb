#pragma once

#include "mccig/core/result.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mccig {

// An owned libpq result.
struct PgResultDeleter {
    void operator()(pg_result* result) const;
};
using PgResult = std::unique_ptr<pg_result, PgResultDeleter>;

// NULL or a value in PostgreSQL's text format.
using PgParam = std::optional<std::string>;

// One PostgreSQL connection whose every call is bounded by a timeout: libpq
// runs non-blocking and this class polls the socket, so a frozen server
// (SIGSTOP, lost network) costs at most the timeout, never a hung thread. On
// a timeout or broken connection the socket is dropped; the next call
// reconnects. Parameters are always bound (PQsendQueryParams), never spliced.
//
// Errors: connection failures, timeouts and SQLSTATE classes 08 (connection),
// 40 (serialization / deadlock), 53 (insufficient resources) and 57P (shut
// down) are outages (Unavailable / Timeout); every other SQL error is
// Rejected, with the SQLSTATE at the start of the message.
// Not thread-safe: one thread at a time.
class PgConnection {
public:
    PgConnection(std::string url, std::chrono::milliseconds timeout);
    ~PgConnection();
    PgConnection(PgConnection&&) noexcept;
    PgConnection& operator=(PgConnection&&) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Result<void> connect();
    bool isConnected() const;
    void disconnect();

    // One statement; the result of a command or of a query (tuples).
    Result<PgResult> exec(const std::string& sql, const std::vector<PgParam>& params = {});

    // COPY ... FROM STDIN with `data` in COPY's text format; one statement,
    // all rows or none. `sql` must be constant text (it cannot take parameters).
    Result<PgResult> copyIn(const std::string& sql, std::string_view data);

private:
    struct ConnectionDeleter {
        void operator()(pg_conn* connection) const;
    };

    Result<void> waitSocket(bool forWrite, std::chrono::steady_clock::time_point deadline);
    Result<PgResult> finalResult(std::chrono::steady_clock::time_point deadline);
    Result<PgResult> classify(PgResult result);
    Result<void> flushAndRead(std::chrono::steady_clock::time_point deadline);
    Error dropWith(ErrorKind kind, std::string message);

    std::string m_url;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<pg_conn, ConnectionDeleter> m_connection;
};

} // namespace mccig
