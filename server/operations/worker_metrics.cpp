#include "operations/worker_metrics.h"

namespace mccig::server {
namespace {

void appendBatchSizeHistogram(std::string& text, const WorkerCounters& totals)
{
    text += "# HELP mccig_worker_batch_size Messages per batch the worker took from the queue.\n"
            "# TYPE mccig_worker_batch_size histogram\n";
    long long cumulative = 0;
    for (std::size_t i = 0; i < WorkerCounters::kBatchSizeBounds.size(); ++i) {
        cumulative += totals.batchSizeBuckets[i];
        text += "mccig_worker_batch_size_bucket{le=\"" + std::to_string(WorkerCounters::kBatchSizeBounds[i]) + "\"} "
                + std::to_string(cumulative) + "\n";
    }
    cumulative += totals.batchSizeBuckets.back();
    text += "mccig_worker_batch_size_bucket{le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
    text += "mccig_worker_batch_size_sum " + std::to_string(totals.batchSizeSum) + "\n";
    // The count must equal the +Inf bucket, read in the same pass.
    text += "mccig_worker_batch_size_count " + std::to_string(cumulative) + "\n";
}

} // namespace

void appendWorkerMetrics(std::string& text, const std::optional<WorkerCounters>& counters)
{
    const WorkerCounters totals = counters.value_or(WorkerCounters{});
    text += "# HELP mccig_worker_events_total Events this process's worker finished, by outcome.\n"
            "# TYPE mccig_worker_events_total counter\n";
    text += "mccig_worker_events_total{outcome=\"persisted\"} " + std::to_string(totals.persisted) + "\n";
    text += "mccig_worker_events_total{outcome=\"retried\"} " + std::to_string(totals.retried) + "\n";
    text += "mccig_worker_events_total{outcome=\"dead_lettered\"} " + std::to_string(totals.deadLettered) + "\n";
    appendBatchSizeHistogram(text, totals);
}

} // namespace mccig::server
