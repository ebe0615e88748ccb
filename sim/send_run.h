#pragma once

#include "manifest.h"
#include "sim_options.h"

#include <cstdint>
#include <string>

namespace mccig::sim {

// The sending half of a simulation: runs the phases the selected checks need,
// in an order that keeps them from disturbing each other (replay copies and
// forced failures first, then the noisy flood while buckets are full, then
// the mixed traffic), and records every outcome in a Manifest. Shows a
// progress line on stderr per phase. Call run() once, from one thread.
class SendRun {
public:
    explicit SendRun(const SimOptions& options);

    Manifest run();

    const std::string& runId() const { return m_runId; }

private:
    std::vector<SendOutcome> sendReplayCopies();
    std::vector<SendOutcome> sendForcedFailures();
    std::vector<SendOutcome> sendNoisyNeighbour();
    std::vector<SendOutcome> sendMixedTraffic(double& seconds);
    std::vector<const TenantCredential*> wellBehavedTenants() const;

    const SimOptions& m_options;
    std::string m_runId;
    std::uint64_t m_seed;
};

} // namespace mccig::sim
