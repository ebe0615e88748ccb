#pragma once

#include <chrono>
#include <cstddef>

namespace mccig::server {

// Limits that keep one client from holding a connection or memory hostage.
struct ConnectionSettings {
    std::size_t maxHeaderBytes = 16 * 1024;           // more: 431
    std::size_t maxBodyBytes = 64 * 1024;             // more: 413 (API.md §3)
    std::chrono::milliseconds requestTimeout{10000};  // from a request's first byte to its last
    std::chrono::milliseconds idleTimeout{30000};     // keep-alive wait for the next request
    std::chrono::milliseconds writeTimeout{10000};    // a client that does not read its answer
    bool accessLog = false;                           // one log line per answered request
};

} // namespace mccig::server
