#pragma once

#include "http/router.h"
#include "webhooks/webhook_context.h"

namespace mccig::server {

// The WhatsApp Cloud API webhook of a tenant (docs/webhooks-whatsapp.md):
//   GET  /v1/webhooks/whatsapp/{tenant}: the subscription handshake; 200 with
//        hub.challenge as text when hub.mode is "subscribe" and
//        hub.verify_token is one of the tenant's verify tokens, else 403;
//   POST /v1/webhooks/whatsapp/{tenant}: X-Hub-Signature-256 checked against
//        each of the tenant's app secrets, then one chat event per message,
//        each admitted like /v1/ingest/chat and deduped by its wamid; status
//        updates are counted, not stored. 200
//        {"accepted":N,"duplicates":N,"statuses":N}; 429 or 503 make Meta retry.
// The context must outlive the router.
void registerWhatsAppWebhooks(Router& router, const WebhookContext& context);

} // namespace mccig::server
