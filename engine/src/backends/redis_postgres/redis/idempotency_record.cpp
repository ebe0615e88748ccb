#include "mccig/redis/idempotency_record.h"

#include "mccig/core/hex_digit.h"
#include "mccig/core/secret_digest.h"
#include "mccig/core/uuid.h"
#include "mccig/redis/redis_keys.h"

#include <array>

namespace mccig {
namespace {

constexpr std::size_t kDigestBytes = 16;
constexpr std::size_t kEventIdBytes = 16;
constexpr std::string_view kHexDigits = "0123456789abcdef";

} // namespace

std::string idempotencyRecordKey(std::string_view tenantId, Channel channel, std::string_view providerMessageId)
{
    const std::string_view channelText = channelName(channel);
    std::string input;
    input.reserve(tenantId.size() + channelText.size() + providerMessageId.size() + 2);
    input.append(tenantId).push_back('\0');
    input.append(channelText).push_back('\0');
    input.append(providerMessageId);
    const SecretDigest digest = digestSecret(input); // SHA-256; nothing secret here
    std::string key;
    key.reserve(kIdempotencyPrefix.size() + tenantId.size() + 2 + kDigestBytes);
    key.append(kIdempotencyPrefix).append("{").append(tenantId).append("}");
    key.append(reinterpret_cast<const char*>(digest.data()), kDigestBytes);
    return key;
}

std::string textIdempotencyKey(std::string_view tenantId, Channel channel, std::string_view providerMessageId)
{
    std::string key(kIdempotencyPrefix);
    key.append(tenantId).append(":").append(channelName(channel)).append(":").append(providerMessageId);
    return key;
}

std::optional<std::string> eventIdBytes(std::string_view uuid)
{
    if (!isUuid(uuid))
        return std::nullopt;
    std::string bytes;
    bytes.reserve(kEventIdBytes);
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        if (uuid[i] == '-')
            continue;
        bytes.push_back(static_cast<char>(hexDigitValue(uuid[i]) * 16 + hexDigitValue(uuid[i + 1])));
        ++i;
    }
    return bytes;
}

std::optional<std::string> eventIdOfRecord(std::string_view value)
{
    if (isUuid(value))
        return std::string(value);
    if (value.size() != kEventIdBytes)
        return std::nullopt;
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < kEventIdBytes; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        const auto byte = static_cast<unsigned char>(value[i]);
        text.push_back(kHexDigits[byte >> 4]);
        text.push_back(kHexDigits[byte & 0x0f]);
    }
    return text;
}

} // namespace mccig
