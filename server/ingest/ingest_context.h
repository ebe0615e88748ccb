#pragma once

#include "ingest/api_key_registry.h"
#include "mccig/domain/rate_limit_policy.h"
#include "mccig/ports/admission_gate.h"
#include "operations/ingest_metrics.h"

#include <chrono>
#include <functional>
#include <string>

namespace mccig::server {

// What the ingest routes need from the running server. Everything referenced
// must outlive the router.
struct IngestContext {
    const ApiKeyRegistry& keys;
    // The admission gate of the calling I/O thread (each thread has its own).
    std::function<AdmissionGate&()> currentGate;
    std::function<RateLimitPolicy(const std::string& tenantId)> policyFor;
    std::chrono::seconds idempotencyTtl{86400};
    IngestMetrics& metrics;
};

} // namespace mccig::server
