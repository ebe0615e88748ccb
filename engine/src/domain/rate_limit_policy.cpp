#include "mccig/domain/rate_limit_policy.h"

#include <charconv>
#include <cmath>

namespace mccig {
namespace {

std::optional<double> parsePositive(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<RateLimitPolicy> parseRateLimitPolicy(std::string_view text)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const auto capacity = parsePositive(text.substr(0, colon));
    const auto rate = parsePositive(text.substr(colon + 1));
    if (!capacity || !rate || *capacity < 1 || *capacity > kMaxRateLimitCapacity || *rate < kMinRefillPerSecond
        || *rate > kMaxRefillPerSecond)
        return std::nullopt;
    return RateLimitPolicy{*capacity, *rate};
}

} // namespace mccig
