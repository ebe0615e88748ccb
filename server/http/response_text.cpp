#include "http/response_text.h"

#include <boost/beast/http/status.hpp>

#include <charconv>

namespace mccig::server {
namespace {

void appendNumber(std::string& out, std::size_t value)
{
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    out.append(digits, end);
}

void appendHeader(std::string& out, std::string_view name, std::string_view value)
{
    out.append(name).append(": ").append(value).append("\r\n");
}

} // namespace

std::string responseText(const HttpResponse& response, bool keepAlive, bool withBody)
{
    const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
    std::string text;
    text.reserve(128 + response.headers.size() * 48 + response.body.size());
    text.append("HTTP/1.1 ");
    appendNumber(text, static_cast<std::size_t>(response.status));
    text.append(" ").append(reason.data(), reason.size()).append("\r\n");
    for (const auto& [name, value] : response.headers)
        appendHeader(text, name, value);
    if (!keepAlive)
        appendHeader(text, "Connection", "close");
    // RFC 9110 §8.6: a 204 carries no body and no Content-Length.
    if (response.status == 204)
        return text.append("\r\n");
    text.append("Content-Length: ");
    appendNumber(text, response.body.size());
    text.append("\r\n\r\n");
    if (withBody)
        text.append(response.body);
    return text;
}

} // namespace mccig::server
