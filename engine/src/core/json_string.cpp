#include "mccig/core/json_string.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace mccig {

void appendJsonString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out.push_back('"');
    // Runs of plain characters are copied whole: most text has nothing to escape.
    std::size_t plainFrom = 0;
    unsigned char bytesSeen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        bytesSeen |= static_cast<unsigned char>(c);
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(text, plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out.push_back(kHex[(c >> 4) & 0x0F]);
            out.push_back(kHex[c & 0x0F]);
        }
    }
    out.append(text, plainFrom);
    out.push_back('"');
    // Only text with a byte beyond ASCII can be malformed UTF-8; such text is
    // rare (a provider's form field) and nlohmann's own replacement rules apply.
    if ((bytesSeen & 0x80) != 0 && !simdjson::validate_utf8(text.data(), text.size())) {
        out.resize(start);
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

} // namespace mccig
