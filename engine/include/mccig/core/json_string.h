#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace mccig {

// Appends `text` to `out` as a JSON string, exactly as nlohmann::json::dump()
// with error_handler_t::replace writes it: '"', '\' and control characters
// escaped, UTF-8 passed through, any byte that is not UTF-8 replaced by
// U+FFFD. For JSON text written field by field, without a JSON tree.
void appendJsonString(std::string& out, std::string_view text);

// Appends `value` as value.dump(-1, ' ', false, error_handler_t::replace)
// writes it, byte for byte, at a fraction of the cost: strings go through
// appendJsonString, integers through std::to_chars; only floating-point
// numbers (rare in metadata, and whose text nlohmann decides) are left to it.
void appendJson(std::string& out, const nlohmann::json& value);
// The same, as a string of its own.
std::string jsonText(const nlohmann::json& value);

} // namespace mccig
