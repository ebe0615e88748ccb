#include "webhooks/standard_webhook_signature.h"

#include "webhooks/webhook_crypto.h"

#include <charconv>
#include <optional>

namespace mccig::server {
namespace {

// The key bytes of a "whsec_<base64>" secret (a bare base64 secret is accepted too).
std::optional<std::string> keyOf(std::string_view secret)
{
    constexpr std::string_view kPrefix = "whsec_";
    if (secret.starts_with(kPrefix))
        secret.remove_prefix(kPrefix.size());
    return base64Decode(secret);
}

std::optional<long long> epochSeconds(std::string_view text)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

} // namespace

StandardSignatureCheck checkStandardWebhook(const std::vector<std::string>& secrets,
                                            const StandardWebhookHeaders& headers, std::string_view body,
                                            std::chrono::system_clock::time_point now, std::chrono::seconds tolerance)
{
    const auto sent = epochSeconds(headers.timestamp);
    if (headers.id.empty() || headers.signature.empty() || !sent)
        return StandardSignatureCheck::Malformed;
    const auto nowSeconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    if (*sent < nowSeconds - tolerance.count() || *sent > nowSeconds + tolerance.count())
        return StandardSignatureCheck::StaleTimestamp;

    std::string signedContent;
    signedContent.reserve(headers.id.size() + headers.timestamp.size() + body.size() + 2);
    signedContent.append(headers.id).append(".").append(headers.timestamp).append(".").append(body);
    bool matched = false;
    for (const auto& secret : secrets) {
        const auto key = keyOf(secret);
        if (!key)
            continue;
        const std::string expected = base64Encode(hmacSha256(*key, signedContent));
        std::string_view rest = headers.signature;
        while (!rest.empty()) {
            const auto space = rest.find(' ');
            const auto entry = rest.substr(0, space);
            rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
            if (entry.starts_with("v1,"))
                matched = constantTimeEqualText(expected, entry.substr(3)) || matched;
        }
    }
    return matched ? StandardSignatureCheck::Valid : StandardSignatureCheck::Mismatch;
}

} // namespace mccig::server
