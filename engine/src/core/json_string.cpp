#include "mccig/core/json_string.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "mccig/core/byte_words.h"

#include <charconv>

namespace mccig {
namespace {

// Whether any of the eight bytes in `word` is a control character, '"', '\'
// or beyond ASCII. Exact as a whole: a borrow only marks bytes above one that
// matched.
bool mayNeedEscaping(std::uint64_t word)
{
    const auto zeroByte = [](std::uint64_t v) { return (v - kEachByteLowBit) & ~v & kEachByteTopBit; };
    const auto control = (word - kEachByteLowBit * 0x20) & ~word & kEachByteTopBit;
    return (control | zeroByte(word ^ (kEachByteLowBit * '"')) | zeroByte(word ^ (kEachByteLowBit * '\\'))
            | (word & kEachByteTopBit))
        != 0;
}

} // namespace

void appendJsonString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out.push_back('"');
    // Runs of plain characters are copied whole, and looked over eight bytes
    // at a time: most text has nothing to escape.
    std::size_t plainFrom = 0;
    unsigned char bytesSeen = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i + sizeof(std::uint64_t) <= text.size() && !mayNeedEscaping(wordAt(text.data() + i))) {
            i += sizeof(std::uint64_t);
            continue;
        }
        const char c = text[i++];
        bytesSeen |= static_cast<unsigned char>(c);
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(text, plainFrom, i - 1 - plainFrom);
        plainFrom = i;
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

void appendJson(std::string& out, const nlohmann::json& value)
{
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::object: {
        out.push_back('{');
        bool first = true;
        for (const auto& [key, member] : value.items()) {
            if (!first)
                out.push_back(',');
            first = false;
            appendJsonString(out, key);
            out.push_back(':');
            appendJson(out, member);
        }
        out.push_back('}');
        return;
    }
    case Type::array: {
        out.push_back('[');
        bool first = true;
        for (const auto& element : value) {
            if (!first)
                out.push_back(',');
            first = false;
            appendJson(out, element);
        }
        out.push_back(']');
        return;
    }
    case Type::string:
        appendJsonString(out, value.get_ref<const std::string&>());
        return;
    case Type::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Type::null:
        out += "null";
        return;
    case Type::number_integer:
    case Type::number_unsigned: {
        char digits[24];
        const auto written = value.type() == Type::number_integer
                                 ? std::to_chars(digits, digits + sizeof digits, value.get<std::int64_t>())
                                 : std::to_chars(digits, digits + sizeof digits, value.get<std::uint64_t>());
        out.append(digits, written.ptr);
        return;
    }
    default: // floating point, binary, discarded: nlohmann's own text
        out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

std::string jsonText(const nlohmann::json& value)
{
    std::string out;
    appendJson(out, value);
    return out;
}

} // namespace mccig
