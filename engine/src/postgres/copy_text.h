#pragma once

#include <string>
#include <string_view>

namespace mccig {

// Appends `value` as one field of COPY's text format, then `terminator`
// ('\t' between fields, '\n' after the last). Runs of ordinary characters are
// appended whole: this runs for every byte the worker stores.
inline void appendCopyField(std::string& data, std::string_view value, char terminator)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
            continue;
        data.append(value.data() + start, i - start);
        data += '\\';
        data += c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        start = i + 1;
    }
    data.append(value.data() + start, value.size() - start);
    data += terminator;
}

} // namespace mccig
