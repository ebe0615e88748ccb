#pragma once

#include "http/router.h"
#include "webhooks/webhook_context.h"

namespace mccig::server {

// Adds every provider webhook route (docs/api.md §6): Twilio, WhatsApp Cloud
// API and Standard Webhooks. No API key: each provider's signature, checked
// with the tenant's stored secrets, authenticates the tenant. The context
// must outlive the router.
void registerWebhookRoutes(Router& router, const WebhookContext& context);

} // namespace mccig::server
