#pragma once

#include <expected>
#include <string>
#include <utility>

namespace mccig {

// The kinds of expected failure that cross a boundary. The server maps each to
// one HTTP status in one place; the worker uses the kind to tell a message's
// own fault (Rejected) from an outage (Unavailable, Timeout).
enum class ErrorKind {
    Rejected,
    NotFound,
    Unavailable,
    Timeout,
    Internal,
};

// What exactly a backend said, for the few failures a caller handles on
// purpose. Set by the connection classes, which alone read the backend's own
// error text; callers test the code, never the message.
enum class ErrorCode {
    Unspecified,
    UniqueViolation, // the row exists already (PostgreSQL 23505)
    NoSuchGroup,     // the queue's consumer group is gone (Redis NOGROUP)
    GroupExists,     // the consumer group exists already (Redis BUSYGROUP)
    NoScript,        // the backend does not know the script (Redis NOSCRIPT)
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    ErrorCode code = ErrorCode::Unspecified;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> failure(ErrorKind kind, std::string message,
                                      ErrorCode code = ErrorCode::Unspecified)
{
    return std::unexpected<Error>(Error{kind, std::move(message), code});
}

// True for failures that say "the backend is not there", not "this input is bad".
inline bool isOutage(const Error& error)
{
    return error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Timeout;
}

} // namespace mccig
