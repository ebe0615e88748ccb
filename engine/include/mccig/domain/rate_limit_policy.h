#pragma once

#include <optional>
#include <string_view>

namespace mccig {

// A token bucket: at most `capacity` requests in a burst, refilled continuously
// at `refillPerSecond`.
struct RateLimitPolicy {
    double capacity = 100;
    double refillPerSecond = 50;

    friend bool operator==(const RateLimitPolicy&, const RateLimitPolicy&) = default;
};

// Parses "CAP:RATE" (both positive numbers, capacity at least 1).
std::optional<RateLimitPolicy> parseRateLimitPolicy(std::string_view text);

} // namespace mccig
