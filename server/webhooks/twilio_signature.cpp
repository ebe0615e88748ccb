#include "webhooks/twilio_signature.h"

#include "webhooks/webhook_crypto.h"

#include <algorithm>
#include <optional>
#include <vector>

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

// Every field's name and value, sorted by name, as Twilio appends them to
// the URL. Sorts pointers, not copies of the fields.
std::string sortedFieldText(const FormFields& fields)
{
    std::vector<const FormFields::value_type*> sorted;
    sorted.reserve(fields.size());
    std::size_t length = 0;
    for (const auto& field : fields) {
        sorted.push_back(&field);
        length += field.first.size() + field.second.size();
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    std::string text;
    text.reserve(length);
    for (const auto* field : sorted)
        text.append(field->first).append(field->second);
    return text;
}

std::string signatureOf(std::string_view authToken, std::string_view url, std::string_view fieldText)
{
    std::string data;
    data.reserve(url.size() + fieldText.size());
    data.append(url).append(fieldText);
    return base64Encode(hmacSha1(authToken, data));
}

} // namespace

std::string twilioSignature(std::string_view authToken, std::string_view url, const FormFields& fields)
{
    return signatureOf(authToken, url, sortedFieldText(fields));
}

bool twilioSignatureMatches(std::string_view authToken, std::string_view url, const FormFields& fields,
                            std::string_view signature)
{
    const auto fieldText = sortedFieldText(fields);
    if (constantTimeEqualText(signatureOf(authToken, url, fieldText), signature))
        return true;
    // Tried only after a miss: the time then tells which URL form Twilio
    // used, which is no secret, and a valid delivery pays one HMAC, not two.
    const auto other = withOtherPortForm(url);
    return other && constantTimeEqualText(signatureOf(authToken, *other, fieldText), signature);
}

} // namespace mccig::server
