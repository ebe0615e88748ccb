#pragma once

#include <string_view>

namespace mccig::server {

// Readings of header values shared by the routes.

// True when a Content-Type value names `mediaType` (lowercase), in any case
// and with any parameters: "Application/JSON; charset=utf-8" is
// "application/json".
bool isMediaType(std::string_view contentType, std::string_view mediaType);

// Header values without the spaces and tabs around them.
std::string_view trimHeaderValue(std::string_view text);

} // namespace mccig::server
