#include "traffic_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mccig::sim {
namespace {

double percentileMs(const std::vector<std::int64_t>& sortedUs, double fraction)
{
    if (sortedUs.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sortedUs.size())));
    return static_cast<double>(sortedUs[std::clamp<std::size_t>(rank, 1, sortedUs.size()) - 1]) / 1000.0;
}

} // namespace

TrafficSummary TrafficSummary::of(const std::vector<SendOutcome>& outcomes, double seconds)
{
    TrafficSummary summary;
    summary.sent = outcomes.size();
    summary.seconds = seconds;
    summary.throughput = seconds > 0 ? static_cast<double>(outcomes.size()) / seconds : 0;
    std::vector<std::int64_t> latencies;
    for (const auto& outcome : outcomes) {
        ++summary.statuses[outcome.status];
        if (outcome.status != 0)
            latencies.push_back(outcome.latencyUs);
    }
    std::ranges::sort(latencies);
    summary.p50Ms = percentileMs(latencies, 0.50);
    summary.p90Ms = percentileMs(latencies, 0.90);
    summary.p99Ms = percentileMs(latencies, 0.99);
    summary.maxMs = percentileMs(latencies, 1.0);
    return summary;
}

nlohmann::json TrafficSummary::toJson() const
{
    nlohmann::json statusCounts = nlohmann::json::object();
    for (const auto& [status, count] : statuses)
        statusCounts[status == 0 ? "no_answer" : std::to_string(status)] = count;
    return {{"sent", sent},
            {"seconds", seconds},
            {"throughput", throughput},
            {"statuses", statusCounts},
            {"latencyMs", {{"p50", p50Ms}, {"p90", p90Ms}, {"p99", p99Ms}, {"max", maxMs}}}};
}

std::string TrafficSummary::toText() const
{
    char line[160];
    std::snprintf(line, sizeof line, "%zu requests in %.1f s (%.1f req/s); latency p50 %.2f ms, p90 %.2f ms, "
                  "p99 %.2f ms, max %.2f ms", sent, seconds, throughput, p50Ms, p90Ms, p99Ms, maxMs);
    std::string text = line;
    text += "; answers:";
    for (const auto& [status, count] : statuses)
        text += ' ' + (status == 0 ? std::string("none") : std::to_string(status)) + '=' + std::to_string(count);
    return text;
}

} // namespace mccig::sim
