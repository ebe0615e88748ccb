#include "webhooks/webhook_replies.h"

#include "http/header_text.h"
#include "mccig/domain/tenant_id.h"

#include <utility>

namespace mccig::server {

HeadCheck webhookHeadCheck(const WebhookContext& context, WebhookProvider provider, Channel channel,
                           std::string_view mediaType)
{
    return [&context, provider, channel, mediaType](const HttpRequest& head,
                                                     const RouteParams& params) -> std::optional<HttpResponse> {
        const auto start = WebhookClock::now();
        const std::string& tenant = params.captures.at(0);
        if (!isValidTenantId(tenant) || context.secrets.secretsFor(tenant, provider).empty()) {
            context.ingest.metrics.record(channel, IngestOutcome::Unauthorized, WebhookClock::now() - start);
            return signatureRefused("invalid_signature");
        }
        if (!isMediaType(head.header("content-type"), mediaType)) {
            context.ingest.metrics.record(channel, IngestOutcome::UnsupportedMediaType, WebhookClock::now() - start);
            return errorResponse(415, "unsupported_media_type");
        }
        return std::nullopt;
    };
}

HttpResponse signatureRefused(std::string_view code) { return errorResponse(401, code); }

HttpResponse invalidPayload(const std::string& what)
{
    return jsonResponse(400, {{"error", "invalid_payload"}, {"message", what}});
}

void answerWebhook(const WebhookContext& context, Channel channel, IngestOutcome outcome,
                   WebhookClock::time_point start, HttpResponse response, const Respond& respond)
{
    context.ingest.metrics.record(channel, outcome, WebhookClock::now() - start);
    respond(std::move(response));
}

void refuseSignedDelivery(const WebhookContext& context, const std::string& tenant, Channel channel,
                          IngestOutcome outcome, WebhookClock::time_point start, HttpResponse response,
                          const Respond& respond)
{
    answerWebhook(context, channel, outcome, start, std::move(response), respond);
    context.ingest.currentGate().recordRejected(tenant, context.ingest.policyFor(tenant), [](Result<BucketSnapshot>) {});
}

} // namespace mccig::server
