#include "webhooks/twilio_signature.h"

#include "webhooks/webhook_crypto.h"

#include <algorithm>
#include <optional>

namespace mccig::server {
namespace {

// "https://host/x" <-> "https://host:443/x" (and http with 80).
std::optional<std::string> withOtherPortForm(std::string_view url)
{
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos)
        return std::nullopt;
    const auto scheme = url.substr(0, schemeEnd);
    const std::string_view port = scheme == "https" ? ":443" : scheme == "http" ? ":80" : "";
    if (port.empty())
        return std::nullopt;
    const auto hostStart = schemeEnd + 3;
    const auto pathStart = std::min(url.find_first_of("/?", hostStart), url.size());
    const auto authority = url.substr(hostStart, pathStart - hostStart);
    std::string result(url.substr(0, hostStart));
    if (authority.ends_with(port))
        result.append(authority.substr(0, authority.size() - port.size()));
    else if (authority.find(':') == std::string_view::npos)
        result.append(authority).append(port);
    else
        return std::nullopt; // another port: only one form exists
    result.append(url.substr(pathStart));
    return result;
}

} // namespace

std::string twilioSignature(std::string_view authToken, std::string_view url, const FormFields& fields)
{
    FormFields sorted = fields;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string data(url);
    for (const auto& [name, value] : sorted)
        data.append(name).append(value);
    return base64Encode(hmacSha1(authToken, data));
}

bool twilioSignatureMatches(std::string_view authToken, std::string_view url, const FormFields& fields,
                            std::string_view signature)
{
    bool matches = constantTimeEqualText(twilioSignature(authToken, url, fields), signature);
    if (const auto other = withOtherPortForm(url))
        matches = constantTimeEqualText(twilioSignature(authToken, *other, fields), signature) || matches;
    return matches;
}

} // namespace mccig::server
