#include "ingest/ingest_responses.h"

#include <algorithm>
#include <cmath>

namespace mccig::server {

void addRateLimitHeaders(HttpResponse& response, const BucketSnapshot& bucket)
{
    response.setHeader("RateLimit-Limit", std::to_string(static_cast<long long>(std::floor(bucket.capacity))));
    response.setHeader("RateLimit-Remaining", std::to_string(std::max(0L, bucket.remaining)));
    response.setHeader("RateLimit-Reset", std::to_string(std::max<long long>(0, bucket.resetIn.count())));
}

HttpResponse admittedResponse(const AdmissionDecision& decision, const std::string& tenantId, Channel channel,
                              const std::string& providerMessageId)
{
    // The hottest answer, so written directly rather than through a JSON
    // object. Nothing needs escaping: the event id is a UUID, and the tenant
    // id, channel and providerMessageId passed their validation, whose
    // character sets exclude quotes, backslashes and control characters.
    const bool accepted = decision.verdict == AdmissionVerdict::Accepted;
    HttpResponse response;
    response.status = accepted ? 202 : 200;
    response.setHeader("Content-Type", "application/json");
    std::string& body = response.body;
    body.reserve(128 + tenantId.size() + providerMessageId.size());
    body += accepted ? R"({"status":"accepted","eventId":")" : R"({"status":"duplicate","eventId":")";
    body += decision.eventId;
    body += R"(","tenantId":")";
    body += tenantId;
    body += R"(","channel":")";
    body += channelName(channel);
    body += R"(","providerMessageId":")";
    body += providerMessageId;
    body += R"("})";
    addRateLimitHeaders(response, decision.bucket);
    return response;
}

HttpResponse rateLimitedResponse(const AdmissionDecision& decision)
{
    const long long retryMs = std::max<long long>(0, decision.retryAfter.count());
    auto response = jsonResponse(429, nlohmann::json{{"error", "rate_limited"}, {"retryAfterMs", retryMs}});
    response.setHeader("Retry-After", std::to_string(std::max<long long>(1, (retryMs + 999) / 1000)));
    addRateLimitHeaders(response, decision.bucket);
    return response;
}

HttpResponse validationFailedResponse(const std::vector<Violation>& violations)
{
    nlohmann::json details = nlohmann::json::array();
    for (const auto& violation : violations)
        details.push_back({{"path", violation.path}, {"message", violation.message}});
    return jsonResponse(400, nlohmann::json{{"error", "validation_failed"}, {"details", std::move(details)}});
}

} // namespace mccig::server
