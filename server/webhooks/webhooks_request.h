#pragma once

#include "mccig/domain/webhook_provider.h"

#include <expected>
#include <string>
#include <vector>

namespace mccig::server {

enum class WebhooksAction {
    Set,    // webhooks set TENANT PROVIDER (the secret on stdin)
    List,   // webhooks list [TENANT]
    Remove, // webhooks remove SECRET-ID
};

// What `mccig-server webhooks ...` was asked to do.
struct WebhooksRequest {
    WebhooksAction action = WebhooksAction::List;
    std::string tenantId;                              // Set: the tenant; List: the filter, empty for all
    WebhookProvider provider = WebhookProvider::Twilio; // Set
    std::string secretId;                              // Remove
};

// Parses the words after "webhooks" (flags already taken out). On a missing,
// unknown or extra word, an invalid tenant id, provider or secret id returns
// a one-line message for exit 2.
std::expected<WebhooksRequest, std::string> parseWebhooksRequest(const std::vector<std::string>& words);

// A secret id as the stores keep it: 16 lowercase hex digits.
bool isWebhookSecretId(std::string_view text);

} // namespace mccig::server
