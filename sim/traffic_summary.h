#pragma once

#include "send_outcome.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mccig::sim {

// Figures of one sending phase: how many requests, how fast, what answers.
// Percentiles are nearest-rank over the answered requests, in milliseconds.
struct TrafficSummary {
    std::size_t sent = 0;
    double seconds = 0;
    double throughput = 0; // requests per second
    std::map<int, std::size_t> statuses; // 0 = no answer
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;

    static TrafficSummary of(const std::vector<SendOutcome>& outcomes, double seconds);
    nlohmann::json toJson() const;
    std::string toText() const;
};

} // namespace mccig::sim
