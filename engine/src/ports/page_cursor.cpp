#include "ports/page_cursor.h"

#include "mccig/core/uuid.h"

#include <charconv>

namespace mccig {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

int hexValue(char c)
{
    const auto position = kHexDigits.find(c);
    return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

} // namespace

std::string encodePageCursor(const PageCursor& cursor)
{
    const std::string plain = std::to_string(cursor.position) + "/" + cursor.id;
    std::string hex;
    hex.reserve(plain.size() * 2);
    for (const unsigned char c : plain) {
        hex.push_back(kHexDigits[c >> 4]);
        hex.push_back(kHexDigits[c & 0xf]);
    }
    return hex;
}

std::optional<PageCursor> decodePageCursor(std::string_view text)
{
    if (text.empty() || text.size() % 2 != 0 || text.size() > 200)
        return std::nullopt;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = hexValue(text[i]);
        const int low = hexValue(text[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        plain.push_back(static_cast<char>(high * 16 + low));
    }
    const auto slash = plain.find('/');
    if (slash == std::string::npos)
        return std::nullopt;
    PageCursor cursor;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + slash, cursor.position);
    if (error != std::errc() || end != plain.data() + slash)
        return std::nullopt;
    cursor.id = plain.substr(slash + 1);
    if (!isUuid(cursor.id))
        return std::nullopt;
    return cursor;
}

} // namespace mccig
