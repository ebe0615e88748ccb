#include "keys/api_key_id.h"

namespace mccig::server {

std::string keyIdOf(const SecretDigest& digest) { return digestHex(digest).substr(0, kKeyIdLength); }

bool isKeyId(std::string_view text)
{
    return text.size() >= kKeyIdLength && text.size() <= 2 * SecretDigest{}.size() && isLowerHex(text);
}

} // namespace mccig::server
