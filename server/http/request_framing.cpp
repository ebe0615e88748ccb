#include "http/request_framing.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace mccig::server {
namespace {

constexpr std::array<std::string_view, 4> kSingleHeaders{"host", "authorization", "content-type", "x-api-key"};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isChunked(std::string_view coding)
{
    constexpr std::string_view kChunked = "chunked";
    coding = trim(coding);
    return coding.size() == kChunked.size()
           && std::equal(coding.begin(), coding.end(), kChunked.begin(),
                         [](char a, char b) { return asciiLower(a) == b; });
}

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
            if (contentLength && trim(*contentLength) != trim(value))
                return refusal();
            contentLength = value;
        }
        const auto single = std::find(kSingleHeaders.begin(), kSingleHeaders.end(), name);
        if (single != kSingleHeaders.end() && ++seen[static_cast<std::size_t>(single - kSingleHeaders.begin())] > 1)
            return refusal();
    }
    if (transferEncodings > 1 || (transferEncodings == 1 && (!chunked || contentLength)))
        return refusal();
    const bool hasBody = chunked || (contentLength && trim(*contentLength) != "0");
    if (hasBody && (head.method == "GET" || head.method == "HEAD" || head.method == "DELETE"))
        return refusal();
    return std::nullopt;
}

} // namespace mccig::server
