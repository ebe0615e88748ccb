#pragma once

#include <string_view>

namespace mccig::server {

// X-Hub-Signature-256 as Meta documents it for the WhatsApp Cloud API:
// "sha256=" and the lowercase hex of HMAC-SHA256 of the raw body, keyed with
// the app secret. Constant-time in the signature.
bool metaSignatureMatches(std::string_view appSecret, std::string_view rawBody, std::string_view header);

} // namespace mccig::server
