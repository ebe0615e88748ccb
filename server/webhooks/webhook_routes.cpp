#include "webhooks/webhook_routes.h"

#include "webhooks/standard_webhook.h"
#include "webhooks/twilio_webhook.h"
#include "webhooks/whatsapp_webhook.h"

namespace mccig::server {

void registerWebhookRoutes(Router& router, const WebhookContext& context)
{
    registerTwilioWebhooks(router, context);
    registerWhatsAppWebhooks(router, context);
    registerStandardWebhooks(router, context);
}

} // namespace mccig::server
