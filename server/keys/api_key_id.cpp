#include "keys/api_key_id.h"

#include <algorithm>

namespace mccig::server {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return kHexDigits.find(c) != std::string_view::npos; });
}

} // namespace

std::string toLowerHex(std::span<const std::uint8_t> bytes)
{
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        hex.push_back(kHexDigits[byte >> 4]);
        hex.push_back(kHexDigits[byte & 0x0f]);
    }
    return hex;
}

std::string digestHex(const SecretDigest& digest) { return toLowerHex(digest); }

std::optional<SecretDigest> parseDigestHex(std::string_view text)
{
    SecretDigest digest{};
    if (text.size() != digest.size() * 2 || !isLowerHex(text))
        return std::nullopt;
    for (std::size_t i = 0; i < digest.size(); ++i) {
        const auto high = kHexDigits.find(text[2 * i]);
        const auto low = kHexDigits.find(text[2 * i + 1]);
        digest[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return digest;
}

std::string keyIdOf(const SecretDigest& digest) { return digestHex(digest).substr(0, kKeyIdLength); }

bool isKeyId(std::string_view text)
{
    return text.size() >= kKeyIdLength && text.size() <= 2 * SecretDigest{}.size() && isLowerHex(text);
}

} // namespace mccig::server
