#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mccig::validation {

// The path ("metadata.n", "media[2]") of the first number in `json` that no
// 64-bit integer or finite double holds (1e400, 2^64), or nothing when there
// is none or `json` is not JSON at all. For a body the fast parser refused
// on a number: such a body is valid JSON, so it gets a violation naming the
// number rather than "invalid JSON".
std::optional<std::string> findOversizedNumber(std::string_view json);

} // namespace mccig::validation
