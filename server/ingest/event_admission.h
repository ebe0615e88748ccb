#pragma once

#include "ingest/ingest_context.h"
#include "mccig/domain/channel.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/validation/message_validator.h"

#include <string>

namespace mccig::server {

// The one way a validated message enters the system, for /v1/ingest and the
// provider webhooks alike: a new event (a fresh UUIDv7, received now) for
// `tenantId`, admitted by the calling I/O thread's gate with the tenant's
// rate limit and the dedupe window. `done` runs later on the same thread.
void admitMessage(const IngestContext& context, const std::string& tenantId, Channel channel,
                  ValidatedMessage message, AdmissionGate::DecisionCallback done);

} // namespace mccig::server
