#pragma once

#include "check_result.h"
#include "traffic_summary.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace mccig::sim {

// The outcome of a simulation, as printed at the end: the mixed traffic's
// figures and each check's verdict. Passed when every check passed.
struct SimReport {
    std::string runId;
    std::string target;
    TrafficSummary traffic;
    std::vector<CheckResult> checks;

    bool passed() const;
    nlohmann::json toJson() const;
    std::string toText() const;
};

} // namespace mccig::sim
