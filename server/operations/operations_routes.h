#pragma once

#include "blocking_pool.h"
#include "http/router.h"
#include "mccig/ports/backend.h"
#include "mccig/worker/worker_service.h"
#include "operations/backend_monitor.h"
#include "operations/ingest_metrics.h"
#include "operations/readiness_probe.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mccig::server {

// What the operations endpoints need. Everything referenced must outlive the router.
struct OperationsContext {
    BlockingPool& pool;
    std::shared_ptr<Backend> backend;
    ReadinessNeeds readinessNeeds;     // what the process's role needs to be ready
    const std::atomic<bool>& draining; // set on SIGTERM: /readyz answers 503 at once
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
