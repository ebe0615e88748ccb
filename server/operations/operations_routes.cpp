#include "operations/operations_routes.h"

#include "http/pool_answer.h"
#include "mccig/queue/queue_depth.h"
#include "mccig/redis/redis_sync_connection.h"
#include "operations/readiness_probe.h"

#include <memory>
#include <utility>

namespace mccig::server {
namespace {

// Probes behind load balancers poll often; the backends are asked at most this often.
constexpr std::chrono::milliseconds kReadinessMaxAge{1000};

// Each pool thread keeps one connection for its depth reads, made on first use.
Result<QueueDepth> readDepthOnPoolThread(const OperationsContext& context)
{
    thread_local std::unique_ptr<RedisSyncConnection> connection;
    if (!connection)
        connection = std::make_unique<RedisSyncConnection>(context.redis, context.backendTimeout);
    return readQueueDepth(*connection);
}

void appendWorkerMetrics(std::string& text, const std::optional<WorkerCounters>& counters)
{
    // A process without a worker reports zeros, so the series always exist.
    const WorkerCounters totals = counters.value_or(WorkerCounters{});
    text += "# HELP mccig_worker_events_total Events this process's worker finished, by outcome.\n"
            "# TYPE mccig_worker_events_total counter\n";
    text += "mccig_worker_events_total{outcome=\"persisted\"} " + std::to_string(totals.persisted) + "\n";
    text += "mccig_worker_events_total{outcome=\"retried\"} " + std::to_string(totals.retried) + "\n";
    text += "mccig_worker_events_total{outcome=\"dead_lettered\"} " + std::to_string(totals.deadLettered) + "\n";
    text += "# HELP mccig_worker_retries_total Failed attempts scheduled for another try.\n"
            "# TYPE mccig_worker_retries_total counter\n";
    text += "mccig_worker_retries_total " + std::to_string(totals.retried) + "\n";
    text += "# HELP mccig_worker_batches_total Batches the worker took from the queue.\n"
            "# TYPE mccig_worker_batches_total counter\n";
    text += "mccig_worker_batches_total " + std::to_string(totals.batches) + "\n";
    text += "# HELP mccig_worker_batch_messages_total Messages in those batches (average size = this / batches).\n"
            "# TYPE mccig_worker_batch_messages_total counter\n";
    text += "mccig_worker_batch_messages_total " + std::to_string(totals.batchSizeSum) + "\n";
}

void appendDepthMetrics(std::string& text, const Result<QueueDepth>& depth)
{
    // When Redis cannot be read the gauges are left out rather than reported as zero.
    if (!depth)
        return;
    text += "# HELP mccig_queue_depth Events waiting: in the stream plus scheduled for retry.\n"
            "# TYPE mccig_queue_depth gauge\n";
    text += "mccig_queue_depth " + std::to_string(depth->queued()) + "\n";
    text += "# HELP mccig_dlq_depth Events in the dead-letter queue.\n"
            "# TYPE mccig_dlq_depth gauge\n";
    text += "mccig_dlq_depth " + std::to_string(depth->deadLetters) + "\n";
}

HttpResponse metricsResponse(const OperationsContext& context)
{
    std::string text;
    context.metrics.appendTo(text);
    appendDepthMetrics(text, readDepthOnPoolThread(context));
    appendWorkerMetrics(text, context.workerCounters ? context.workerCounters() : std::nullopt);
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = std::move(text);
    return response;
}

} // namespace

void registerOperationsRoutes(Router& router, const OperationsContext& context)
{
    router.add("GET", "/healthz", [](HttpRequest&&, const RouteParams&, Respond respond) {
        respond(jsonResponse(200, nlohmann::json{{"status", "ok"}, {"version", MCCIG_VERSION}}));
    });
    auto readiness = std::make_shared<ReadinessProbe>(context.currentGate, context.databaseUrl,
                                                      context.backendTimeout, kReadinessMaxAge);
    router.add("GET", "/readyz", [readiness](HttpRequest&&, const RouteParams&, Respond respond) {
        readiness->answer(std::move(respond));
    });
    router.add("GET", "/metrics", [&context](HttpRequest&&, const RouteParams&, Respond respond) {
        answerOnPool(context.pool, std::move(respond), [&context] { return metricsResponse(context); });
    });
}

} // namespace mccig::server
