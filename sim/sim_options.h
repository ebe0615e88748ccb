#pragma once

#include "check_kind.h"
#include "mccig/core/result.h"
#include "target_url.h"
#include "traffic_mix.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mccig::sim {

// What one invocation does: send traffic and verify it (run), only send and
// write the manifest (send), or only verify a manifest written earlier (verify).
enum class SimCommand {
    Run,
    Send,
    Verify,
};

struct TenantCredential {
    std::string tenant;
    std::string key;
};

// Everything the command line decides, validated: a parsed SimOptions is
// always internally consistent (the noisy tenant is one of the tenants, the
// selected checks are possible with the given tenants, ...).
struct SimOptions {
    SimCommand command = SimCommand::Run;
    TargetUrl target;
    std::string adminKey;
    std::vector<TenantCredential> tenants;
    double rate = 50;
    double durationSeconds = 10;
    int concurrency = 8;
    TrafficMix mix;
    std::set<CheckKind> checks;
    std::string noisyTenant;
    double noisyRate = 200;
    double noisyDurationSeconds = 3;
    double noisyOthersRate = 5;
    int replayCopies = 10;
    int failureCount = 5;
    std::optional<int> expectAttempts;
    double drainTimeoutSeconds = 60;
    bool json = false;
    std::string manifestPath;
    std::optional<std::uint64_t> seed;
    bool help = false;
    bool version = false;

    // The tenant that sends the replay copies and the forced failures: the
    // first tenant that is not the noisy one.
    const TenantCredential& primaryTenant() const;
};

// Parses argv[1..]. A Rejected error is a usage error (exit 2) whose message
// is one line fit for stderr.
Result<SimOptions> parseSimOptions(const std::vector<std::string>& arguments);

std::string simUsage();

} // namespace mccig::sim
