#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// RFC 3986 percent-decoding ("p%40ss" is "p@ss"). With `plusIsSpace`, '+' is
// a space, as in application/x-www-form-urlencoded. A malformed escape is
// refused (nothing), never guessed at: the text is a secret or a signed field.
std::optional<std::string> percentDecoded(std::string_view text, bool plusIsSpace = false);

} // namespace mccig
