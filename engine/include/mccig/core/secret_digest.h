#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace mccig {

// SHA-256 of a secret. API keys are kept only in this form (API.md §2).
using SecretDigest = std::array<std::uint8_t, 32>;

SecretDigest digestSecret(std::string_view secret);

// Compares without an early exit, so timing says nothing about where two digests differ.
bool constantTimeEquals(const SecretDigest& a, const SecretDigest& b);

} // namespace mccig
