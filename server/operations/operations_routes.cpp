#include "operations/operations_routes.h"

#include "http/pool_answer.h"
#include "operations/histogram_text.h"
#include "operations/openapi_document.h"
#include "operations/process_metrics.h"
#include "operations/worker_metrics.h"
#include "thread_instance.h"

#include <memory>
#include <utility>

namespace mccig::server {
namespace {

// Probes behind load balancers poll often; the backends are asked at most this often.
constexpr std::chrono::milliseconds kReadinessMaxAge{1000};

void appendDepthMetrics(std::string& text, const Result<QueueDepth>& depth)
{
    // When the backend cannot be read the gauges are left out rather than reported as zero.
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
    for (const auto& [name, up] : backends.states())
        text += "mccig_backend_up{backend=\"" + name + "\"} " + (up ? "1" : "0") + "\n";
}

void appendAdmissionMetrics(std::string& text, const AdmissionBatchSizes& sizes)
{
    appendSizeHistogram(text, "mccig_admission_batch_size",
                        "Admissions per call this process's admission gates made to the backend.",
                        AdmissionBatchSizes::kBounds, sizes.buckets, sizes.admissions);
}

HttpResponse metricsResponse(const OperationsContext& context)
{
    std::string text;
    appendBuildAndBackendMetrics(text, context.backends);
    appendProcessMetrics(text);
    context.metrics.appendTo(text);
    appendDepthMetrics(text, threadInstance(context.backend, &Backend::liveStats).depth());
    appendWorkerMetrics(text, context.workerCounters ? context.workerCounters() : std::nullopt);
    appendAdmissionMetrics(text, context.backend->admissionBatchSizes());
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
    auto readiness = std::make_shared<ReadinessProbe>(*context.backend, context.readinessNeeds, kReadinessMaxAge);
    router.add("GET", "/readyz", [readiness, &draining = context.draining](HttpRequest&&, const RouteParams&,
                                                                            Respond respond) {
        if (draining.load())
            return respond(jsonResponse(503, {{"status", "draining"}}));
        readiness->answer(std::move(respond));
    });
    router.add("GET", "/openapi.json", [](HttpRequest&&, const RouteParams&, Respond respond) {
        HttpResponse response;
        response.setHeader("Content-Type", "application/json");
        response.body = std::string(openApiDocument());
        respond(std::move(response));
    });
    router.add("GET", "/metrics", [&context](HttpRequest&&, const RouteParams&, Respond respond) {
        answerOnPool(context.pool, std::move(respond), [&context] { return metricsResponse(context); });
    });
}

} // namespace mccig::server
