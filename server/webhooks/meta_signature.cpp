#include "webhooks/meta_signature.h"

#include "webhooks/webhook_crypto.h"

namespace mccig::server {

bool metaSignatureMatches(std::string_view appSecret, std::string_view rawBody, std::string_view header)
{
    constexpr std::string_view kPrefix = "sha256=";
    if (!header.starts_with(kPrefix))
        return false;
    return constantTimeEqualText(hexEncode(hmacSha256(appSecret, rawBody)), header.substr(kPrefix.size()));
}

} // namespace mccig::server
