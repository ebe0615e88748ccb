#pragma once

#include <chrono>
#include <cstddef>

namespace mccig::server {

// The largest request body (API.md §3): the connection refuses a longer one
// while reading, ingest already on its Content-Length header.
inline constexpr std::size_t kMaxRequestBodyBytes = 64 * 1024;

// Limits that keep one client from holding a connection or memory hostage.
struct ConnectionSettings {
    std::size_t maxHeaderBytes = 16 * 1024;           // more: 431
    std::size_t maxBodyBytes = kMaxRequestBodyBytes; // more: 413
    std::chrono::milliseconds handshakeTimeout{10000}; // TLS: from accept to a finished handshake
    std::chrono::milliseconds requestTimeout{10000};  // from a request's first byte to its last
    std::chrono::milliseconds idleTimeout{30000};     // keep-alive wait for the next request
    std::chrono::milliseconds writeTimeout{10000};    // a client that does not read its answer
    // A keep-alive connection is closed after this many answers or this age,
    // so no client holds one for ever (and load spreads after a restart).
    std::size_t maxRequestsPerConnection = 1000;
    std::chrono::minutes maxConnectionAge{5};
    std::size_t maxConnections = 1024;                // more: 503 and close (--max-connections)
    bool accessLog = false;                           // one log line per answered request
};

} // namespace mccig::server
