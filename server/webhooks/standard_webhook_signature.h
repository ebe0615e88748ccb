#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::server {

// What a Standard Webhooks signature check found (standardwebhooks.com).
enum class StandardSignatureCheck {
    Valid,
    Malformed,      // a header is missing, or the timestamp is no number
    StaleTimestamp, // more than the tolerance away from now, either way
    Mismatch,       // no v1 signature matches any of the secrets
};

struct StandardWebhookHeaders {
    std::string_view id;        // webhook-id
    std::string_view timestamp; // webhook-timestamp, epoch seconds
    std::string_view signature; // webhook-signature: space-separated "v1,<base64>" entries
};

inline constexpr std::chrono::seconds kStandardWebhookTolerance{300};

// Checks the signature over "id.timestamp.body" (HMAC-SHA256, keyed with the
// base64 bytes after "whsec_") against every secret, so a secret can be
// rotated with old and new active at once. Constant-time per comparison.
StandardSignatureCheck checkStandardWebhook(const std::vector<std::string>& secrets,
                                            const StandardWebhookHeaders& headers, std::string_view body,
                                            std::chrono::system_clock::time_point now,
                                            std::chrono::seconds tolerance = kStandardWebhookTolerance);

} // namespace mccig::server
