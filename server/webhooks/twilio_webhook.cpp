#include "webhooks/twilio_webhook.h"

#include "webhooks/twilio_payload.h"
#include "webhooks/twilio_signature.h"
#include "webhooks/webhook_admission.h"
#include "webhooks/webhook_replies.h"

#include <utility>

namespace mccig::server {
namespace {

constexpr std::string_view kFormMediaType = "application/x-www-form-urlencoded";

HttpResponse emptyTwiml()
{
    HttpResponse response;
    response.setHeader("Content-Type", "text/xml");
    response.body = kEmptyTwiml;
    return response;
}

// The URL Twilio requested: the configured public base URL, else the Host
// the request names, followed by the path and query as sent.
std::string requestedUrl(const WebhookContext& context, const HttpRequest& request)
{
    if (!context.publicUrl.empty())
        return context.publicUrl + request.target;
    return (context.tls ? "https://" : "http://") + std::string(request.header("host")) + request.target;
}

bool signedByTenant(const WebhookContext& context, const std::string& tenant, const HttpRequest& request,
                    const FormFields& fields)
{
    const auto url = requestedUrl(context, request);
    const auto signature = request.header("x-twilio-signature");
    const auto tokens = context.secrets.secretsFor(tenant, WebhookProvider::Twilio);
    // Every token is tried, so the time taken does not tell which one matched.
    bool matched = false;
    for (const auto& token : tokens)
        matched = twilioSignatureMatches(token, url, fields, signature) || matched;
    return matched;
}

// Maps the fields to an ingest body's JSON text; nothing to store yields nullopt.
using Mapper = std::expected<std::optional<std::string>, std::string> (*)(const FormFields&);

std::expected<std::optional<std::string>, std::string> smsBody(const FormFields& fields)
{
    auto body = twilioSmsBody(fields);
    if (!body)
        return std::unexpected(body.error());
    return std::optional<std::string>(std::move(*body));
}

void handle(const WebhookContext& context, Channel channel, Mapper map, HttpRequest&& request,
            const RouteParams& params, const Respond& respond)
{
    const auto start = WebhookClock::now();
    const std::string& tenant = params.captures.at(0);
    const auto fields = parseFormFields(request.body);
    if (!fields)
        return answerWebhook(context, channel, IngestOutcome::InvalidJson, start,
                             invalidPayload("the body is not application/x-www-form-urlencoded"), respond);
    if (!signedByTenant(context, tenant, request, *fields))
        return answerWebhook(context, channel, IngestOutcome::Unauthorized, start,
                             signatureRefused("invalid_signature"), respond);
    auto mapped = map(*fields);
    if (!mapped)
        return refuseSignedDelivery(context, tenant, channel, IngestOutcome::ValidationFailed, start,
                                    invalidPayload(mapped.error()), respond);
    if (!*mapped) {
        context.ingest.metrics.recordProviderStatuses(WebhookProvider::Twilio, 1);
        return respond(emptyTwiml());
    }
    auto validated = validateWebhookMessage(channel, **mapped);
    if (!validated)
        return refuseSignedDelivery(context, tenant, channel, IngestOutcome::ValidationFailed, start,
                                    std::move(validated.error()), respond);
    std::vector<ValidatedMessage> messages;
    messages.push_back(std::move(*validated));
    admitBatch(context.ingest, tenant, channel, std::move(messages),
               [&context, channel, start, respond](const BatchOutcome& outcome) {
                   answerWebhook(context, channel, outcome.outcome(), start,
                                 outcome.refusal().value_or(emptyTwiml()), respond);
               });
}

void addRoute(Router& router, const WebhookContext& context, Channel channel, Mapper map)
{
    router.add(
        "POST", "/v1/webhooks/twilio/{tenant}/" + std::string(channel == Channel::Sms ? "sms" : "voice"),
        [&context, channel, map](HttpRequest&& request, const RouteParams& params, Respond respond) {
            handle(context, channel, map, std::move(request), params, respond);
        },
        webhookHeadCheck(context, WebhookProvider::Twilio, channel, kFormMediaType));
}

} // namespace

void registerTwilioWebhooks(Router& router, const WebhookContext& context)
{
    addRoute(router, context, Channel::Sms, smsBody);
    addRoute(router, context, Channel::Voice, twilioVoiceBody);
}

} // namespace mccig::server
