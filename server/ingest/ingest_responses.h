#pragma once

#include "http/http_message.h"
#include "mccig/domain/channel.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/validation/message_validator.h"

#include <string>
#include <vector>

namespace mccig::server {

// The bodies and headers of API.md §3, in one place.

// 202 accepted / 200 duplicate, with the tenant's RateLimit-* headers.
HttpResponse admittedResponse(const AdmissionDecision& decision, const std::string& tenantId, Channel channel,
                              const std::string& providerMessageId);

// 429 with retryAfterMs and Retry-After in whole seconds (at least 1).
HttpResponse rateLimitedResponse(const AdmissionDecision& decision);

// 400 validation_failed listing every violation.
HttpResponse validationFailedResponse(const std::vector<Violation>& violations);

// RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset from a bucket snapshot.
void addRateLimitHeaders(HttpResponse& response, const BucketSnapshot& bucket);

} // namespace mccig::server
