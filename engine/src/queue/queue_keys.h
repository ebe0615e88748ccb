#pragma once

#include <string_view>

namespace mccig {

// docs/redis-keys.md
inline constexpr std::string_view kRetryKey = "mccig:retry";
inline constexpr std::string_view kDeadLetterKey = "mccig:dlq";
inline constexpr std::string_view kDeadLetterOrderKey = "mccig:dlq:order";
inline constexpr std::string_view kTenantsKey = "mccig:tenants";
inline constexpr std::string_view kTenantTotalsPrefix = "mccig:tenant:";
inline constexpr std::string_view kBucketPrefix = "mccig:bucket:";
inline constexpr std::string_view kStatsPrefix = "mccig:stats:";

} // namespace mccig
