#pragma once

#include "generated_message.h"
#include "http_client.h"
#include "send_outcome.h"
#include "sim_options.h"

namespace mccig::sim {

// POSTs one message to /v1/ingest/{channel} with the tenant's key and reads
// the outcome (status, eventId, Retry-After) from the answer. Never throws:
// every failure is recorded in the outcome.
SendOutcome sendIngestRequest(HttpClient& client, const TenantCredential& tenant, const GeneratedMessage& message);

} // namespace mccig::sim
