#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace mccig {

// Which secret of which provider a stored webhook secret is: the provider's
// signature (or, for WhatsApp, its verification handshake) is checked with it.
enum class WebhookProvider {
    Twilio,         // the account's auth token (X-Twilio-Signature)
    WhatsApp,       // the Meta app secret (X-Hub-Signature-256)
    WhatsAppVerify, // the verify token of the GET subscription handshake
    Standard,       // a Standard Webhooks "whsec_" signing secret
};

inline constexpr std::array kAllWebhookProviders{WebhookProvider::Twilio, WebhookProvider::WhatsApp,
                                                 WebhookProvider::WhatsAppVerify, WebhookProvider::Standard};

// "twilio", "whatsapp", "whatsapp-verify", "standard": the spelling of the
// command line, the admin API and the stores.
std::string_view webhookProviderName(WebhookProvider provider);
std::optional<WebhookProvider> parseWebhookProvider(std::string_view name);

} // namespace mccig
