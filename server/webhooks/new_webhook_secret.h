#pragma once

#include "mccig/core/result.h"
#include "mccig/ports/webhook_secret_store.h"

#include <optional>
#include <string>
#include <string_view>

namespace mccig::server {

// What is wrong with `secret` as a secret of `provider`, for a message to the
// operator; nothing when it may be stored. Every secret is 1-512 printable
// ASCII characters without spaces; a Standard Webhooks secret is "whsec_" and
// the base64 of 24-64 bytes, as the specification has it. The same checks
// for `mccig-server webhooks set` and POST /v1/admin/webhooks.
std::optional<std::string> webhookSecretProblem(WebhookProvider provider, std::string_view secret);

// A secret ready to store: a fresh random id (16 lowercase hex digits, from
// OpenSSL's CSPRNG) and the time now. Rejected with webhookSecretProblem's
// message, Internal when there is no entropy. Any thread.
Result<WebhookSecret> newWebhookSecret(const std::string& tenantId, WebhookProvider provider, std::string secret);

} // namespace mccig::server
