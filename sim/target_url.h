#pragma once

#include "mccig/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace mccig::sim {

// The server the simulator talks to: a scheme, host and port
// ("http://127.0.0.1:8080", "https://gateway.example", a trailing "/"
// allowed, no path). Over https the server's certificate is verified for the
// host, against caFile or else the system's trusted CAs.
struct TargetUrl {
    bool https = false;
    std::string host;
    std::uint16_t port = 80;
    std::string caFile; // https only: the CA to trust (--ca-file); empty: the system's

    // "host:port", for the Host header.
    std::string authority() const;
    // "https://host:port", for reports.
    std::string text() const;
};

Result<TargetUrl> parseTargetUrl(std::string_view text);

} // namespace mccig::sim
