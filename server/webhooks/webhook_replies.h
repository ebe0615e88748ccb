#pragma once

#include "http/http_message.h"
#include "http/router.h"
#include "mccig/domain/channel.h"
#include "mccig/domain/webhook_provider.h"
#include "operations/ingest_metrics.h"
#include "webhooks/webhook_context.h"

#include <chrono>
#include <string>
#include <string_view>

namespace mccig::server {

// What every provider webhook route shares: the check on the header, the
// refusals, and counting each answer in the ingest metrics under its channel.

using WebhookClock = std::chrono::steady_clock;

// Before the body is read: 415 unless the Content-Type is `mediaType`, 401
// {"error":"invalid_signature"} unless the tenant (the route's first
// capture) has a secret of `provider` (an unknown tenant looks like a wrong
// signature, so probing tells nothing).
HeadCheck webhookHeadCheck(const WebhookContext& context, WebhookProvider provider, Channel channel,
                           std::string_view mediaType);

// 401 {"error": code}: "invalid_signature" or "stale_timestamp".
HttpResponse signatureRefused(std::string_view code);
// 400 {"error":"invalid_payload","message": what}.
HttpResponse invalidPayload(const std::string& what);

// Counts the answer under `channel` and `outcome`, then sends it.
void answerWebhook(const WebhookContext& context, Channel channel, IngestOutcome outcome,
                   WebhookClock::time_point start, HttpResponse response, const Respond& respond);

// answerWebhook for a delivery whose signature held but whose content is
// refused: it also counts in the tenant's live figures, as a refused §3
// request does (`invalid` in /v1/admin/stats).
void refuseSignedDelivery(const WebhookContext& context, const std::string& tenant, Channel channel,
                          IngestOutcome outcome, WebhookClock::time_point start, HttpResponse response,
                          const Respond& respond);

} // namespace mccig::server
