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

// The bounds a policy is held to: wide enough for any real tenant, narrow
// enough that the figures derived from a bucket (seconds until full, retry
// after in ms) fit in 64-bit integers and the response headers.
inline constexpr double kMaxRateLimitCapacity = 1e9;
inline constexpr double kMinRefillPerSecond = 1e-6;
inline constexpr double kMaxRefillPerSecond = 1e9;

// Parses "CAP:RATE": capacity from 1 to kMaxRateLimitCapacity, refill per
// second from kMinRefillPerSecond to kMaxRefillPerSecond.
std::optional<RateLimitPolicy> parseRateLimitPolicy(std::string_view text);

} // namespace mccig
