#include "mccig/core/percent_decoding.h"

#include "mccig/core/hex_digit.h"

namespace mccig {

std::optional<std::string> percentDecoded(std::string_view text, bool plusIsSpace)
{
    std::string decoded;
    decoded.reserve(text.size());
    // Runs of plain characters are copied whole: most fields have no escape at all.
    std::size_t plainFrom = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool space = text[i] == '+' && plusIsSpace;
        if (!space && text[i] != '%')
            continue;
        decoded.append(text, plainFrom, i - plainFrom);
        if (space) {
            decoded.push_back(' ');
        } else {
            if (i + 2 >= text.size() || hexDigitValue(text[i + 1]) < 0 || hexDigitValue(text[i + 2]) < 0)
                return std::nullopt;
            decoded.push_back(static_cast<char>(hexDigitValue(text[i + 1]) * 16 + hexDigitValue(text[i + 2])));
            i += 2;
        }
        plainFrom = i + 1;
    }
    decoded.append(text, plainFrom);
    return decoded;
}

} // namespace mccig
