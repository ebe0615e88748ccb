#pragma once

#include <algorithm>
#include <string_view>

namespace mccig {

// Protocol names and tokens (HTTP fields, URL schemes) are ASCII: no locale
// lookup per character.
constexpr char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

} // namespace mccig
