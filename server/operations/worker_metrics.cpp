#include "operations/worker_metrics.h"

#include "operations/histogram_text.h"

namespace mccig::server {

void appendWorkerMetrics(std::string& text, const std::optional<WorkerCounters>& counters)
{
    const WorkerCounters totals = counters.value_or(WorkerCounters{});
    text += "# HELP mccig_worker_events_total Events this process's worker finished, by outcome.\n"
            "# TYPE mccig_worker_events_total counter\n";
    text += "mccig_worker_events_total{outcome=\"persisted\"} " + std::to_string(totals.persisted) + "\n";
    text += "mccig_worker_events_total{outcome=\"retried\"} " + std::to_string(totals.retried) + "\n";
    text += "mccig_worker_events_total{outcome=\"dead_lettered\"} " + std::to_string(totals.deadLettered) + "\n";
    appendSizeHistogram(text, "mccig_worker_batch_size", "Messages per batch the worker took from the queue.",
                        WorkerCounters::kBatchSizeBounds, totals.batchSizeBuckets, totals.batchSizeSum);
}

} // namespace mccig::server
