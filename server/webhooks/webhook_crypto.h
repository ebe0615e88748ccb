#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mccig::server {

// The primitives the providers' signatures are made of. Byte strings are
// std::string; nothing here allocates more than its result.
std::string hmacSha1(std::string_view key, std::string_view data);
std::string hmacSha256(std::string_view key, std::string_view data);

std::string base64Encode(std::string_view bytes);
// Standard alphabet with padding; nothing for anything else.
std::optional<std::string> base64Decode(std::string_view text);
std::string hexEncode(std::string_view bytes);

// Compares in time that depends only on the lengths, never on where the
// texts first differ (a signature check must not tell how close a guess was).
bool constantTimeEqualText(std::string_view a, std::string_view b);

} // namespace mccig::server
