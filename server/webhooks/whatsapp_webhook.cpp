#include "webhooks/whatsapp_webhook.h"

#include "mccig/domain/tenant_id.h"
#include "webhooks/meta_signature.h"
#include "webhooks/webhook_admission.h"
#include "webhooks/webhook_crypto.h"
#include "webhooks/webhook_replies.h"
#include "webhooks/whatsapp_payload.h"

#include <utility>

namespace mccig::server {
namespace {

constexpr const char* kRoute = "/v1/webhooks/whatsapp/{tenant}";

const std::string* queryValue(const RouteParams& params, const std::string& name)
{
    const auto found = params.query.find(name);
    return found == params.query.end() ? nullptr : &found->second;
}

bool isVerifyToken(const WebhookContext& context, const std::string& tenant, const std::string& token)
{
    bool matched = false;
    for (const auto& secret : context.secrets.secretsFor(tenant, WebhookProvider::WhatsAppVerify))
        matched = constantTimeEqualText(secret, token) || matched;
    return matched;
}

HttpResponse handshake(const WebhookContext& context, const RouteParams& params)
{
    const std::string& tenant = params.captures.at(0);
    const auto* mode = queryValue(params, "hub.mode");
    const auto* token = queryValue(params, "hub.verify_token");
    const auto* challenge = queryValue(params, "hub.challenge");
    if (!mode || !token || !challenge)
        return invalidPayload("the handshake needs hub.mode, hub.verify_token and hub.challenge");
    if (*mode != "subscribe" || !isValidTenantId(tenant) || !isVerifyToken(context, tenant, *token))
        return errorResponse(403, "forbidden");
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain");
    response.body = *challenge;
    return response;
}

bool signedByTenant(const WebhookContext& context, const std::string& tenant, const HttpRequest& request)
{
    const auto signature = request.header("x-hub-signature-256");
    bool matched = false;
    for (const auto& secret : context.secrets.secretsFor(tenant, WebhookProvider::WhatsApp))
        matched = metaSignatureMatches(secret, request.body, signature) || matched;
    return matched;
}

nlohmann::json summary(const BatchOutcome& outcome, std::size_t statuses)
{
    return {{"accepted", outcome.accepted}, {"duplicates", outcome.duplicates}, {"statuses", statuses}};
}

void deliver(const WebhookContext& context, HttpRequest&& request, const RouteParams& params, const Respond& respond)
{
    const auto start = WebhookClock::now();
    const std::string& tenant = params.captures.at(0);
    if (!signedByTenant(context, tenant, request))
        return answerWebhook(context, Channel::Chat, IngestOutcome::Unauthorized, start,
                             signatureRefused("invalid_signature"), respond);
    auto batch = parseWhatsAppBatch(request.body);
    if (!batch) {
        if (batch.error().kind == WhatsAppBatchError::Kind::NotJson)
            return refuseSignedDelivery(context, tenant, Channel::Chat, IngestOutcome::InvalidJson, start,
                                        errorResponse(400, "invalid_json"), respond);
        return refuseSignedDelivery(context, tenant, Channel::Chat, IngestOutcome::ValidationFailed, start,
                                    invalidPayload(batch.error().message), respond);
    }
    std::vector<ValidatedMessage> messages;
    for (const auto& body : batch->messages) {
        auto validated = validateWebhookMessage(Channel::Chat, body);
        if (!validated)
            return refuseSignedDelivery(context, tenant, Channel::Chat, IngestOutcome::ValidationFailed, start,
                                        std::move(validated.error()), respond);
        messages.push_back(std::move(*validated));
    }
    admitBatch(context.ingest, tenant, Channel::Chat, std::move(messages),
               [&context, start, respond, statuses = batch->statuses](const BatchOutcome& outcome) {
                   auto refusal = outcome.refusal();
                   // A refused delivery comes again: its statuses count then.
                   if (!refusal)
                       context.ingest.metrics.recordProviderStatuses(WebhookProvider::WhatsApp, statuses);
                   answerWebhook(context, Channel::Chat, outcome.outcome(), start,
                                 refusal.value_or(jsonResponse(200, summary(outcome, statuses))), respond);
               });
}

} // namespace

void registerWhatsAppWebhooks(Router& router, const WebhookContext& context)
{
    router.add("GET", kRoute, [&context](HttpRequest&&, const RouteParams& params, Respond respond) {
        respond(handshake(context, params));
    });
    router.add(
        "POST", kRoute,
        [&context](HttpRequest&& request, const RouteParams& params, Respond respond) {
            deliver(context, std::move(request), params, respond);
        },
        webhookHeadCheck(context, WebhookProvider::WhatsApp, Channel::Chat, "application/json"));
}

} // namespace mccig::server
