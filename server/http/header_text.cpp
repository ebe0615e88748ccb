#include "http/header_text.h"

#include "mccig/core/ascii_case.h"

namespace mccig::server {

std::string_view trimHeaderValue(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isMediaType(std::string_view contentType, std::string_view mediaType)
{
    return equalsIgnoringCase(trimHeaderValue(contentType.substr(0, contentType.find(';'))), mediaType);
}

} // namespace mccig::server
