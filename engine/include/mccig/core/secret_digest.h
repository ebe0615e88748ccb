#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mccig {

// SHA-256 of a secret. API keys are kept only in this form (API.md §2).
using SecretDigest = std::array<std::uint8_t, 32>;

SecretDigest digestSecret(std::string_view secret);

// Compares without an early exit, so timing says nothing about where two digests differ.
bool constantTimeEquals(const SecretDigest& a, const SecretDigest& b);

std::string toLowerHex(std::span<const std::uint8_t> bytes);
// How backends store a digest: 64 lowercase hex digits.
std::string digestHex(const SecretDigest& digest);
// Nothing unless `text` is exactly 64 lowercase hex digits.
std::optional<SecretDigest> parseDigestHex(std::string_view text);
bool isLowerHex(std::string_view text);

} // namespace mccig
