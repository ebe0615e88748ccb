#pragma once

#include <string_view>

namespace mccig {

// Every Redis key and key prefix the backend uses, in one place
// (docs/redis-keys.md describes each), for the backend and for the console's
// live reader, which reads the counters and buckets directly. The Lua
// scripts that build key names themselves (the per-second stats and tenant
// totals) spell the same prefixes. The event stream and its group are in
// mccig/redis/event_stream.h, where tests and tools find them.
inline constexpr std::string_view kRetryKey = "mccig:retry";
inline constexpr std::string_view kDeadLetterKey = "mccig:dlq";
inline constexpr std::string_view kDeadLetterOrderKey = "mccig:dlq:order";
inline constexpr std::string_view kTenantsKey = "mccig:tenants";
inline constexpr std::string_view kTenantTotalsPrefix = "mccig:tenant:";
inline constexpr std::string_view kBucketPrefix = "mccig:bucket:";
inline constexpr std::string_view kIdempotencyPrefix = "mccig:idem:";
inline constexpr std::string_view kStatsPrefix = "mccig:stats:";
inline constexpr std::string_view kApiKeysKey = "mccig:apikeys";
inline constexpr std::string_view kWebhookSecretsKey = "mccig:webhooksecrets";
// Written by the health probe: a Redis that refuses writes is not ready.
inline constexpr std::string_view kProbeKey = "mccig:probe";

} // namespace mccig
