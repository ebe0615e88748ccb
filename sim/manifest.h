#pragma once

#include "check_kind.h"
#include "mccig/core/result.h"
#include "send_outcome.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace mccig::sim {

// The record of a sending run: everything the verification needs, so that
// sending and verifying can be separate invocations (send → manifest file →
// verify), with anything an operator or a test likes happening in between.
struct Manifest {
    std::string runId;
    std::string target;
    std::set<CheckKind> checks;
    std::string noisyTenant;
    double trafficSeconds = 0;     // wall time of the mixed-traffic phase
    std::vector<SendOutcome> traffic;  // mixed traffic, unique messages
    std::vector<SendOutcome> replay;   // concurrent copies of one message
    std::vector<SendOutcome> noisy;    // the noisy phase, every tenant
    std::vector<SendOutcome> failures; // messages marked simulateFailure

    nlohmann::json toJson() const;
    static Result<Manifest> fromJson(const nlohmann::json& json);

    Result<void> save(const std::string& path) const;
    static Result<Manifest> load(const std::string& path);
};

} // namespace mccig::sim
