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

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> failure(ErrorKind kind, std::string message)
{
    return std::unexpected<Error>(Error{kind, std::move(message)});
}

// True for failures that say "the backend is not there", not "this input is bad".
inline bool isOutage(const Error& error)
{
    return error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Timeout;
}

} // namespace mccig
