#include "keys/api_key_generator.h"

#include "keys/api_key_id.h"

#include <openssl/rand.h>

#include <array>

namespace mccig::server {

Result<std::string> generateApiKey()
{
    std::array<std::uint8_t, 32> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        return failure(ErrorKind::Internal, "the random number generator failed");
    return "mk_" + toLowerHex(random);
}

} // namespace mccig::server
