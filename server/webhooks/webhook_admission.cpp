#include "webhooks/webhook_admission.h"

#include "ingest/event_admission.h"
#include "ingest/ingest_responses.h"

#include <memory>
#include <utility>

namespace mccig::server {

std::expected<ValidatedMessage, HttpResponse> validateWebhookMessage(Channel channel, std::string_view body)
{
    const auto parsed = MessageBody::parse(body);
    if (!parsed)
        return std::unexpected(errorResponse(400, "invalid_json"));
    auto validated = validateMessage(channel, *parsed);
    if (!validated)
        return std::unexpected(validationFailedResponse(validated.error()));
    return std::move(*validated);
}

IngestOutcome BatchOutcome::outcome() const
{
    if (unavailable)
        return IngestOutcome::Unavailable;
    if (rateLimited)
        return IngestOutcome::RateLimited;
    return accepted > 0 || duplicates == 0 ? IngestOutcome::Accepted : IngestOutcome::Duplicate;
}

std::optional<HttpResponse> BatchOutcome::refusal() const
{
    if (unavailable)
        return errorResponse(503, "unavailable");
    if (rateLimited)
        return rateLimitedResponse(*rateLimited);
    return std::nullopt;
}

void admitBatch(const IngestContext& context, const std::string& tenantId, Channel channel,
                std::vector<ValidatedMessage> messages, std::function<void(const BatchOutcome&)> done)
{
    if (messages.empty()) {
        done(BatchOutcome{});
        return;
    }
    struct Progress {
        std::size_t waiting;
        BatchOutcome outcome;
        std::function<void(const BatchOutcome&)> done;
    };
    // Every decision arrives on this I/O thread (the gate answers on its own
    // io_context), so the progress needs no lock.
    auto progress = std::make_shared<Progress>(Progress{messages.size(), {}, std::move(done)});
    for (auto& message : messages) {
        admitMessage(context, tenantId, channel, std::move(message), [progress](Result<AdmissionDecision> decision) {
            auto& outcome = progress->outcome;
            if (!decision)
                outcome.unavailable = true;
            else if (decision->verdict == AdmissionVerdict::RateLimited && !outcome.rateLimited)
                outcome.rateLimited = *decision;
            else if (decision->verdict == AdmissionVerdict::Accepted)
                ++outcome.accepted;
            else if (decision->verdict == AdmissionVerdict::Duplicate)
                ++outcome.duplicates;
            if (decision)
                outcome.last = *decision;
            if (--progress->waiting == 0)
                progress->done(outcome);
        });
    }
}

} // namespace mccig::server
