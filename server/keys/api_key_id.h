#pragma once

#include "mccig/core/secret_digest.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace mccig::server {

// How a stored API key is named without revealing it: the key id operators
// see, a prefix of its digest's hex. 12 hex digits are 48 bits: collisions
// among one gateway's keys are not a practical concern, and `keys revoke`
// refuses an ambiguous id anyway.
inline constexpr std::size_t kKeyIdLength = 12;

std::string keyIdOf(const SecretDigest& digest);
// A key id as `keys revoke` accepts it: 12 to 64 lowercase hex digits.
bool isKeyId(std::string_view text);

} // namespace mccig::server
