#pragma once

#include "mccig/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace mccig::sim {

// The server the simulator talks to: plain HTTP on a host and port
// ("http://127.0.0.1:8080", a trailing "/" allowed, no path). TLS is not
// supported: the simulator is meant for a gateway on the local network.
struct TargetUrl {
    std::string host;
    std::uint16_t port = 80;

    // "host:port", for reports and the Host header.
    std::string authority() const;
};

Result<TargetUrl> parseTargetUrl(std::string_view text);

} // namespace mccig::sim
