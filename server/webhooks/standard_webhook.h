#pragma once

#include "http/router.h"
#include "webhooks/webhook_context.h"

namespace mccig::server {

// POST /v1/webhooks/standard/{tenant}/{channel} (docs/webhooks-standard.md):
// a body of /v1/ingest/{channel} sent by a Standard Webhooks sender, checked
// against each of the tenant's whsec_ secrets (webhook-id, webhook-timestamp
// within 5 minutes, webhook-signature with one or more v1 signatures). A
// body without providerMessageId takes the webhook-id. Then exactly
// /v1/ingest/{channel}'s admission and answers (202, 200 duplicate, 429, 503).
// The context must outlive the router.
void registerStandardWebhooks(Router& router, const WebhookContext& context);

} // namespace mccig::server
