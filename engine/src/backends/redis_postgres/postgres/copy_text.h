#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace mccig {
namespace copy_text_detail {

// Whether any byte of `word` may need escaping: a byte below 0x0E (tab,
// newline, carriage return, and control bytes that need none) or a
// backslash. Exact for the answer "none", which is what lets the caller skip
// eight bytes at once.
constexpr bool mayNeedEscape(std::uint64_t word)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highBits = 0x8080808080808080ULL;
    const std::uint64_t below0e = (word - ones * 0x0E) & ~word & highBits;
    const std::uint64_t notBackslash = word ^ (ones * static_cast<unsigned char>('\\'));
    const std::uint64_t backslash = (notBackslash - ones) & ~notBackslash & highBits;
    return (below0e | backslash) != 0;
}

// The letter after the backslash for a byte COPY's text format escapes, or 0.
constexpr char escapeLetter(char c)
{
    switch (c) {
    case '\\': return '\\';
    case '\t': return 't';
    case '\n': return 'n';
    case '\r': return 'r';
    default: return 0;
    }
}

} // namespace copy_text_detail

// Appends `value` as one field of COPY's text format, then `terminator`
// ('\t' between fields, '\n' after the last). Runs of ordinary characters are
// appended whole, found eight bytes at a time: this runs for every byte the
// worker stores.
inline void appendCopyField(std::string& data, std::string_view value, char terminator)
{
    using namespace copy_text_detail;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < value.size()) {
        const std::size_t end = std::min(value.size(), i + 8);
        if (end - i == 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, value.data() + i, sizeof word);
            if (!mayNeedEscape(word)) {
                i = end;
                continue;
            }
        }
        for (; i < end; ++i) {
            const char letter = escapeLetter(value[i]);
            if (letter == 0)
                continue;
            data.append(value.data() + start, i - start);
            data += '\\';
            data += letter;
            start = i + 1;
        }
    }
    data.append(value.data() + start, value.size() - start);
    data += terminator;
}

} // namespace mccig
