#pragma once

#include "mccig/worker/worker_service.h"

#include <optional>
#include <string>

namespace mccig::server {

// Appends mccig_worker_events_total{outcome} and the mccig_worker_batch_size
// histogram. A process without a worker reports zeros, so the series always
// exist.
void appendWorkerMetrics(std::string& text, const std::optional<WorkerCounters>& counters);

} // namespace mccig::server
