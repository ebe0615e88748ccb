#include "mccig/core/secret_digest.h"

#include <openssl/sha.h>

namespace mccig {

SecretDigest digestSecret(std::string_view secret)
{
    SecretDigest digest{};
    SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), digest.data());
    return digest;
}

bool constantTimeEquals(const SecretDigest& a, const SecretDigest& b)
{
    // Accumulate every byte difference; volatile keeps the loop from being cut short.
    volatile std::uint8_t difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference = static_cast<std::uint8_t>(difference | (a[i] ^ b[i]));
    return difference == 0;
}

} // namespace mccig
