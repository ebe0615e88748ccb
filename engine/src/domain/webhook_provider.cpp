#include "mccig/domain/webhook_provider.h"

namespace mccig {

std::string_view webhookProviderName(WebhookProvider provider)
{
    switch (provider) {
    case WebhookProvider::Twilio: return "twilio";
    case WebhookProvider::WhatsApp: return "whatsapp";
    case WebhookProvider::WhatsAppVerify: return "whatsapp-verify";
    case WebhookProvider::Standard: return "standard";
    }
    return "twilio";
}

std::optional<WebhookProvider> parseWebhookProvider(std::string_view name)
{
    for (WebhookProvider provider : kAllWebhookProviders) {
        if (webhookProviderName(provider) == name)
            return provider;
    }
    return std::nullopt;
}

} // namespace mccig
