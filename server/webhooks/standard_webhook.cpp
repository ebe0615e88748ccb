#include "webhooks/standard_webhook.h"

#include "ingest/ingest_responses.h"
#include "webhooks/provider_message_id.h"
#include "webhooks/standard_webhook_signature.h"
#include "webhooks/webhook_admission.h"
#include "webhooks/webhook_replies.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace mccig::server {
namespace {

// The signature's verdict as a refusal; nothing when it is valid.
std::optional<HttpResponse> signatureRefusal(const WebhookContext& context, const std::string& tenant,
                                             const HttpRequest& request)
{
    const StandardWebhookHeaders headers{request.header("webhook-id"), request.header("webhook-timestamp"),
                                         request.header("webhook-signature")};
    switch (checkStandardWebhook(context.secrets.secretsFor(tenant, WebhookProvider::Standard), headers, request.body,
                                 std::chrono::system_clock::now())) {
    case StandardSignatureCheck::Valid:
        return std::nullopt;
    case StandardSignatureCheck::StaleTimestamp:
        return signatureRefused("stale_timestamp");
    case StandardSignatureCheck::Malformed:
    case StandardSignatureCheck::Mismatch:
        break;
    }
    return signatureRefused("invalid_signature");
}

void handle(const WebhookContext& context, Channel channel, HttpRequest&& request, const RouteParams& params,
            const Respond& respond)
{
    const auto start = WebhookClock::now();
    const std::string& tenant = params.captures.at(0);
    if (auto refusal = signatureRefusal(context, tenant, request))
        return answerWebhook(context, channel, IngestOutcome::Unauthorized, start, std::move(*refusal), respond);
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return refuseSignedDelivery(context, tenant, channel, IngestOutcome::InvalidJson, start,
                                    errorResponse(400, "invalid_json"), respond);
    // As on /v1/ingest: a claim for another tenant is a question of authority
    // (403); a tenantId that is no string is left to the validator (400).
    if (body.contains("tenantId") && body["tenantId"].is_string() && body["tenantId"] != tenant)
        return refuseSignedDelivery(context, tenant, channel, IngestOutcome::Forbidden, start,
                                    errorResponse(403, "forbidden"), respond);
    // The sender's message id is the dedupe key when the body names none (a
    // null counts as none, as on /v1/ingest).
    if (!body.contains("providerMessageId") || body["providerMessageId"].is_null())
        body["providerMessageId"] = providerMessageIdFrom(request.header("webhook-id"));
    auto validated =
        validateWebhookMessage(channel, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!validated)
        return refuseSignedDelivery(context, tenant, channel, IngestOutcome::ValidationFailed, start,
                                    std::move(validated.error()), respond);
    const std::string providerMessageId = validated->providerMessageId;
    std::vector<ValidatedMessage> messages;
    messages.push_back(std::move(*validated));
    admitBatch(context.ingest, tenant, channel, std::move(messages),
               [&context, tenant, channel, providerMessageId, start, respond](const BatchOutcome& outcome) {
                   auto response = outcome.refusal();
                   if (!response)
                       response = admittedResponse(*outcome.last, tenant, channel, providerMessageId);
                   answerWebhook(context, channel, outcome.outcome(), start, std::move(*response), respond);
               });
}

} // namespace

void registerStandardWebhooks(Router& router, const WebhookContext& context)
{
    for (const Channel channel : kAllChannels) {
        router.add(
            "POST", "/v1/webhooks/standard/{tenant}/" + std::string(channelName(channel)),
            [&context, channel](HttpRequest&& request, const RouteParams& params, Respond respond) {
                handle(context, channel, std::move(request), params, respond);
            },
            webhookHeadCheck(context, WebhookProvider::Standard, channel, "application/json"));
    }
}

} // namespace mccig::server
