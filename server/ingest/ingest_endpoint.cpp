#include "ingest/ingest_endpoint.h"

#include "http/connection_settings.h"
#include "http/header_text.h"

#include "ingest/event_admission.h"
#include "ingest/ingest_responses.h"
#include "mccig/core/ascii_case.h"
#include "mccig/validation/message_validator.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <utility>

namespace mccig::server {
namespace {

bool declaresTooLargeBody(const HttpRequest& head)
{
    const auto text = head.header("content-length");
    if (text.empty())
        return false;
    unsigned long long length = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
    // The connection already refused a malformed length; an overflow is simply too large.
    return error == std::errc::result_out_of_range
           || (error == std::errc{} && length > kMaxRequestBodyBytes);
}

// The last bucket snapshot this I/O thread saw per tenant (only the calling
// thread touches its map, so no lock). Bounded by the number of tenants with
// a key: only authenticated requests get here. A tenant not seen yet shows a
// full bucket.
thread_local std::unordered_map<std::string, BucketSnapshot> t_lastBucket;

void rememberBucket(const std::string& tenantId, const BucketSnapshot& bucket) { t_lastBucket[tenantId] = bucket; }

BucketSnapshot lastSeenBucket(const std::string& tenantId, const RateLimitPolicy& policy)
{
    const auto found = t_lastBucket.find(tenantId);
    if (found != t_lastBucket.end())
        return found->second;
    return BucketSnapshot{policy.capacity, static_cast<long>(policy.capacity), std::chrono::seconds(0)};
}

} // namespace

IngestEndpoint::IngestEndpoint(Channel channel, const IngestContext& context)
    : m_channel(channel)
    , m_context(context)
{
}

std::optional<std::string> IngestEndpoint::authenticate(const HttpRequest& request) const
{
    const auto authorization = trimHeaderValue(request.header("authorization"));
    if (authorization.size() > 7 && equalsIgnoringCase(authorization.substr(0, 7), "bearer "))
        return m_context.keys.tenantForKey(trimHeaderValue(authorization.substr(7)));
    const auto apiKey = trimHeaderValue(request.header("x-api-key"));
    if (!apiKey.empty())
        return m_context.keys.tenantForKey(apiKey);
    return std::nullopt;
}

bool IngestEndpoint::checkHead(HttpRequest& head, const Respond& respond) const
{
    const auto start = Clock::now();
    const auto tenant = authenticate(head);
    if (!tenant) {
        finish(IngestOutcome::Unauthorized, start, errorResponse(401, "unauthorized"), respond);
        return false;
    }
    if (!isMediaType(head.header("content-type"), "application/json")) {
        refuse(*tenant, IngestOutcome::UnsupportedMediaType, errorResponse(415, "unsupported_media_type"), start,
               respond);
        return false;
    }
    if (declaresTooLargeBody(head)) {
        refuse(*tenant, IngestOutcome::PayloadTooLarge, errorResponse(413, "payload_too_large"), start, respond);
        return false;
    }
    head.principal = std::move(*tenant);
    return true;
}

void IngestEndpoint::handle(HttpRequest&& request, Respond respond) const
{
    const auto start = Clock::now();
    // checkHead() let this request through and named its tenant.
    const std::string tenant = std::move(request.principal);
    const auto body = MessageBody::parse(request.body);
    if (!body) {
        refuse(tenant, IngestOutcome::InvalidJson, errorResponse(400, "invalid_json"), start, std::move(respond));
        return;
    }
    // A claim for another tenant is refused before the schema: it is a
    // question of authority, not of form.
    if (const auto claim = body->tenantClaim(); claim && *claim != tenant) {
        refuse(tenant, IngestOutcome::Forbidden, errorResponse(403, "forbidden"), start, std::move(respond));
        return;
    }
    auto validated = validateMessage(m_channel, *body);
    if (!validated) {
        refuse(tenant, IngestOutcome::ValidationFailed, validationFailedResponse(validated.error()), start,
               std::move(respond));
        return;
    }
    admit(tenant, std::move(*validated), start, std::move(respond));
}

void IngestEndpoint::admit(const std::string& tenantId, ValidatedMessage message, Clock::time_point start,
                           Respond respond) const
{
    auto providerMessageId = message.providerMessageId;
    admitMessage(
        m_context, tenantId, m_channel, std::move(message),
        [this, tenantId, providerMessageId = std::move(providerMessageId), start,
         respond = std::move(respond)](Result<AdmissionDecision> decision) {
            if (!decision) {
                // The tenant is known: its bucket as this thread last saw it.
                auto unavailable = errorResponse(503, "unavailable");
                addRateLimitHeaders(unavailable, lastSeenBucket(tenantId, m_context.policyFor(tenantId)));
                finish(IngestOutcome::Unavailable, start, std::move(unavailable), respond);
                return;
            }
            rememberBucket(tenantId, decision->bucket);
            if (decision->verdict == AdmissionVerdict::RateLimited) {
                finish(IngestOutcome::RateLimited, start, rateLimitedResponse(*decision), respond);
            } else {
                const auto outcome = decision->verdict == AdmissionVerdict::Accepted ? IngestOutcome::Accepted
                                                                                     : IngestOutcome::Duplicate;
                finish(outcome, start, admittedResponse(*decision, tenantId, m_channel, providerMessageId), respond);
            }
        });
}

void IngestEndpoint::refuse(const std::string& tenantId, IngestOutcome outcome, HttpResponse response,
                            Clock::time_point start, Respond respond) const
{
    // The answer never waits on the backend: its RateLimit-* headers show the
    // bucket as this thread last saw it, and the gate counts the refusal (and
    // refreshes that view) after the client has its answer.
    const auto policy = m_context.policyFor(tenantId);
    addRateLimitHeaders(response, lastSeenBucket(tenantId, policy));
    finish(outcome, start, std::move(response), respond);
    m_context.currentGate().recordRejected(tenantId, policy, [tenantId](Result<BucketSnapshot> bucket) {
        if (bucket)
            rememberBucket(tenantId, *bucket);
    });
}

void IngestEndpoint::finish(IngestOutcome outcome, Clock::time_point start, HttpResponse response,
                            const Respond& respond) const
{
    m_context.metrics.record(m_channel, outcome, Clock::now() - start);
    respond(std::move(response));
}

} // namespace mccig::server
