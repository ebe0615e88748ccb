#include "operations/operations_routes.h"

#include "mccig/queue/queue_depth.h"
#include "mccig/redis/redis_sync_connection.h"
#include "operations/database_probe.h"
#include "operations/openapi_document.h"
#include "operations/process_metrics.h"
#include "operations/readiness_check.h"
#include "operations/worker_metrics.h"

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
    text += "# HELP mccig_queue_oldest_age_seconds How long the oldest unsettled message in the stream has waited.\n"
            "# TYPE mccig_queue_oldest_age_seconds gauge\n";
    text += "mccig_queue_oldest_age_seconds " + std::to_string(std::chrono::duration<double>(depth->oldestAge).count())
            + "\n";
}

void appendBuildAndBackendMetrics(std::string& text, const BackendMonitor& backends)
{
    text += "# HELP mccig_build_info The running build; always 1.\n"
            "# TYPE mccig_build_info gauge\n"
            "mccig_build_info{version=\"" MCCIG_VERSION "\"} 1\n";
    text += "# HELP mccig_backend_up Whether the backend answered its last probe (probed every second).\n"
            "# TYPE mccig_backend_up gauge\n";
    text += std::string("mccig_backend_up{backend=\"redis\"} ") + (backends.redisUp() ? "1" : "0") + "\n";
    text += std::string("mccig_backend_up{backend=\"database\"} ") + (backends.databaseUp() ? "1" : "0") + "\n";
}

void serveMetrics(const OperationsContext& context, const Respond& respond)
{
    std::string text;
    appendBuildAndBackendMetrics(text, context.backends);
    appendProcessMetrics(text);
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
