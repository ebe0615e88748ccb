#pragma once

#include "http/http_message.h"
#include "ingest/ingest_context.h"
#include "mccig/domain/channel.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/validation/message_validator.h"
#include "operations/ingest_metrics.h"

#include <cstddef>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::server {

// A provider's message mapped to the JSON text of an ingest body, checked by
// the validator of /v1/ingest (API.md §3) like any client's; a refusal is the
// same 400 validation_failed, listing every violation.
std::expected<ValidatedMessage, HttpResponse> validateWebhookMessage(Channel channel, std::string_view body);

// How the messages of one delivery fared.
struct BatchOutcome {
    std::size_t accepted = 0;
    std::size_t duplicates = 0;
    std::optional<AdmissionDecision> rateLimited; // the first message the bucket refused
    bool unavailable = false;                     // the backend did not answer for at least one
    std::optional<AdmissionDecision> last;        // the last decision, for a delivery of one message

    // The metrics outcome of the whole delivery: unavailable, rate limited,
    // accepted (any new message) or duplicate.
    IngestOutcome outcome() const;
    // 503 or 429 (with Retry-After) when the provider must retry; nothing when every message is admitted.
    std::optional<HttpResponse> refusal() const;
};

// Admits each message through the same gate as /v1/ingest (rate limit,
// dedupe, durable enqueue, each message on its own), then calls `done` once
// with how they fared, on the calling I/O thread. No messages: `done` at once.
void admitBatch(const IngestContext& context, const std::string& tenantId, Channel channel,
                std::vector<ValidatedMessage> messages, std::function<void(const BatchOutcome&)> done);

} // namespace mccig::server
