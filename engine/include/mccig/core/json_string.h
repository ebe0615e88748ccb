#pragma once

#include <string>
#include <string_view>

namespace mccig {

// Appends `text` to `out` as a JSON string, exactly as nlohmann::json::dump()
// with error_handler_t::replace writes it: '"', '\' and control characters
// escaped, UTF-8 passed through, any byte that is not UTF-8 replaced by
// U+FFFD. For JSON text written field by field, without a JSON tree.
void appendJsonString(std::string& out, std::string_view text);

} // namespace mccig
