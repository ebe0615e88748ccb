#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// "2026-11-26T15:34:05.123456Z": UTC, microseconds, the form every stored time uses.
std::string formatUtc(std::chrono::system_clock::time_point at);

// Parses an RFC 3339 date-time ("T" or "t", "Z" or a numeric offset, optional
// fraction). Returns nothing for anything else, including impossible dates.
std::optional<std::chrono::system_clock::time_point> parseRfc3339(std::string_view text);

} // namespace mccig
