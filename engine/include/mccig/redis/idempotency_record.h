#pragma once

#include "mccig/domain/channel.h"

#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// The idempotency record of one message on Redis (docs/redis-keys.md), kept
// small because there is one per message for the whole dedupe window: the key
// is `mccig:idem:{tenant}` followed by the first 16 bytes of
// SHA-256(tenant NUL channel NUL providerMessageId) — the tenant in braces is
// a Redis Cluster hash tag — and the value is the event id's 16 bytes.
std::string idempotencyRecordKey(std::string_view tenantId, Channel channel, std::string_view providerMessageId);

// The key older versions wrote, `mccig:idem:{tenant}:{channel}:{providerMessageId}`
// with the event id as text. Admission still reads it, so a copy of a message
// admitted before an upgrade stays a duplicate until that record expires.
std::string textIdempotencyKey(std::string_view tenantId, Channel channel, std::string_view providerMessageId);

// The 16 bytes of a canonical UUID; nothing when `uuid` is not one.
std::optional<std::string> eventIdBytes(std::string_view uuid);

// The event id a record holds, as canonical lowercase text: from its 16 bytes,
// or the text of an older record as it is. Nothing for any other value.
std::optional<std::string> eventIdOfRecord(std::string_view value);

} // namespace mccig
