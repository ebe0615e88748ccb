#include "http/request_framing.h"

#include "http/header_text.h"
#include "mccig/core/ascii_case.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace mccig::server {
namespace {

constexpr std::array<std::string_view, 4> kSingleHeaders{"host", "authorization", "content-type", "x-api-key"};

bool isChunked(std::string_view coding) { return equalsIgnoringCase(trimHeaderValue(coding), "chunked"); }

HttpResponse refusal()
{
    auto response = errorResponse(400, "bad_request");
    response.closeConnection = true;
    return response;
}

} // namespace

std::optional<HttpResponse> framingRefusal(const HttpRequest& head)
{
    std::size_t transferEncodings = 0;
    bool chunked = false;
    std::optional<std::string_view> contentLength;
    std::array<int, kSingleHeaders.size()> seen{};
    for (const auto& [name, value] : head.headers) {
        if (name == "transfer-encoding") {
            ++transferEncodings;
            chunked = isChunked(value);
        } else if (name == "content-length") {
            if (contentLength && trimHeaderValue(*contentLength) != trimHeaderValue(value))
                return refusal();
            contentLength = value;
        }
        const auto single = std::find(kSingleHeaders.begin(), kSingleHeaders.end(), name);
        if (single != kSingleHeaders.end() && ++seen[static_cast<std::size_t>(single - kSingleHeaders.begin())] > 1)
            return refusal();
    }
    if (transferEncodings > 1 || (transferEncodings == 1 && (!chunked || contentLength)))
        return refusal();
    const bool hasBody = chunked || (contentLength && trimHeaderValue(*contentLength) != "0");
    if (hasBody && (head.method == "GET" || head.method == "HEAD" || head.method == "DELETE"))
        return refusal();
    return std::nullopt;
}

} // namespace mccig::server
