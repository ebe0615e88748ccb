#include "operations/operations_routes.h"

#include "mccig/queue/queue_depth.h"
#include "mccig/redis/redis_sync_connection.h"
#include "operations/database_probe.h"
#include "operations/openapi_document.h"
#include "operations/readiness_check.h"

#include <memory>
#include <utility>

namespace mccig::server {
namespace {

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

void serveMetrics(const OperationsContext& context, const Respond& respond)
{
    std::string text;
    context.metrics.appendTo(text);
    appendDepthMetrics(text, readDepthOnPoolThread(context));
    appendWorkerMetrics(text, context.workerCounters ? context.workerCounters() : std::nullopt);
    HttpResponse response;
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = std::move(text);
    respond(std::move(response));
}

void serveReadiness(const OperationsContext& context, Respond respond)
{
    auto check = std::make_shared<ReadinessCheck>(std::move(respond));
    context.currentGate().checkReady([check](Result<void> outcome) { check->setRedis(outcome); });
    const bool queued = context.pool.submit([check, &context] {
        check->setDatabase(probeDatabase(context.databaseUrl, context.backendTimeout));
    });
    if (!queued)
        check->setDatabase(failure(ErrorKind::Unavailable, "too many probes in progress"));
}

} // namespace

void registerOperationsRoutes(Router& router, const OperationsContext& context)
{
    router.add("GET", "/healthz", [](HttpRequest&&, const RouteParams&, Respond respond) {
        respond(jsonResponse(200, nlohmann::json{{"status", "ok"}}));
    });
    router.add("GET", "/readyz", [&context](HttpRequest&&, const RouteParams&, Respond respond) {
        serveReadiness(context, std::move(respond));
    });
    router.add("GET", "/openapi.json", [](HttpRequest&&, const RouteParams&, Respond respond) {
        HttpResponse response;
        response.setHeader("Content-Type", "application/json");
        response.body = std::string(openApiDocument());
        respond(std::move(response));
    });
    router.add("GET", "/metrics", [&context](HttpRequest&&, const RouteParams&, Respond respond) {
        auto shared = std::make_shared<Respond>(std::move(respond));
        if (!context.pool.submit([&context, shared] { serveMetrics(context, *shared); }))
            (*shared)(errorResponse(503, "unavailable"));
    });
}

} // namespace mccig::server
