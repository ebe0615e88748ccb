#include "mccig/redis/idempotency_record.h"

#include "mccig/core/secret_digest.h"
#include "mccig/core/uuid.h"
#include "mccig/redis/redis_keys.h"

#include <algorithm>
#include <array>

namespace mccig {
namespace {

constexpr std::size_t kDigestBytes = 16;

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
    const auto bytes = uuidBytes(uuid);
    if (!bytes)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(bytes->data()), bytes->size());
}

std::optional<std::string> eventIdOfRecord(std::string_view value)
{
    UuidBytes bytes{};
    if (value.size() != bytes.size())
        return isUuid(value) ? std::optional<std::string>(value) : std::nullopt;
    std::copy(value.begin(), value.end(), bytes.begin());
    return uuidText(bytes);
}

} // namespace mccig
