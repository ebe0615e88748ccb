#pragma once

namespace mccig {

// Protocol names and tokens (HTTP fields, URL schemes) are ASCII: no locale
// lookup per character.
constexpr char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

} // namespace mccig
