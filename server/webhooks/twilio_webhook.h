#pragma once

#include "http/router.h"
#include "webhooks/webhook_context.h"

namespace mccig::server {

// POST /v1/webhooks/twilio/{tenant}/sms and .../voice (docs/webhooks-twilio.md):
// form fields signed with X-Twilio-Signature over the URL Twilio requested
// (the public URL and the request target), checked against each of the
// tenant's Twilio auth tokens; then mapped (twilio_payload.h), validated and
// admitted like /v1/ingest. Accepted and duplicate answer 200 with empty
// TwiML; 429 and 503 make Twilio retry. The context must outlive the router.
void registerTwilioWebhooks(Router& router, const WebhookContext& context);

} // namespace mccig::server
