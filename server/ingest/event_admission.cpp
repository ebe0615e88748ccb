#include "ingest/event_admission.h"

#include "mccig/core/uuid.h"

#include <chrono>
#include <utility>

namespace mccig::server {

void admitMessage(const IngestContext& context, const std::string& tenantId, Channel channel,
                  ValidatedMessage message, AdmissionGate::DecisionCallback done)
{
    const auto now = std::chrono::system_clock::now();
    AdmissionRequest admission;
    admission.event.id = newUuidV7(now);
    admission.event.tenantId = tenantId;
    admission.event.providerMessageId = std::move(message.providerMessageId);
    admission.event.channel = channel;
    admission.event.content = std::move(message.content);
    admission.event.rawMetadata = std::move(message.rawMetadata);
    admission.event.createdAt = now;
    admission.rateLimit = context.policyFor(tenantId);
    admission.idempotencyTtl = context.idempotencyTtl;
    context.currentGate().admit(admission, std::move(done));
}

} // namespace mccig::server
