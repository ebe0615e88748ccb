#pragma once

#include "blocking_pool.h"
#include "http/router.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/redis/redis_url.h"
#include "mccig/worker/worker_service.h"
#include "operations/backend_monitor.h"
#include "operations/ingest_metrics.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mccig::server {

// What the operations endpoints need. Everything referenced must outlive the router.
struct OperationsContext {
    BlockingPool& pool;
    std::function<AdmissionGate&()> currentGate; // the calling I/O thread's gate
    RedisEndpoint redis;
    std::string databaseUrl;
    std::chrono::milliseconds backendTimeout{2000};
    const IngestMetrics& metrics;
    const BackendMonitor& backends;
    // This process's worker totals; nothing when it runs no worker.
    std::function<std::optional<WorkerCounters>()> workerCounters;
};

// Adds GET /healthz, /readyz, /metrics and /openapi.json (API.md §5). The
// queue depths of /metrics are read on the blocking pool (503 when it is
// full); readiness is cached for a second and probed on a thread of its own
// (ReadinessProbe).
void registerOperationsRoutes(Router& router, const OperationsContext& context);

} // namespace mccig::server
