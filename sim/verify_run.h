#pragma once

#include "admin_client.h"
#include "check_result.h"
#include "manifest.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mccig::sim {

// What a verification needs besides the manifest.
struct VerifySettings {
    TargetUrl target;
    std::string adminKey;
    std::set<CheckKind> checks;          // a subset of the manifest's
    double drainTimeoutSeconds = 60;
    std::optional<int> expectAttempts;   // dead letters must show exactly this many attempts
    int connections = 4;                 // parallel admin connections for per-message counts
};

// The verifying half of a simulation: waits (bounded) for the worker to drain
// the queue, then checks the manifest's messages against the admin API:
// every admitted message stored exactly once, the replayed message stored
// once, the forced failures in the dead-letter queue and nothing else of the
// run there. An error value means the verification could not be carried out
// (server unreachable: Unavailable/Timeout; admin key refused: Rejected), as
// opposed to a failed check. Call run() once, from one thread.
class VerifyRun {
public:
    VerifyRun(const Manifest& manifest, VerifySettings settings);

    Result<std::vector<CheckResult>> run();

private:
    Result<bool> waitForDrain(std::int64_t& depth);
    Result<std::vector<std::int64_t>> countRows(const std::vector<const SendOutcome*>& messages);
    Result<CheckResult> verifyPersistence(bool drained, std::int64_t depth);
    Result<CheckResult> verifyReplay();
    Result<CheckResult> verifyFailures();
    Result<std::vector<DeadLetter>> waitForDeadLetters();

    const Manifest& m_manifest;
    VerifySettings m_settings;
    AdminClient m_admin;
    double m_deadline = 0; // seconds since m_started after which waiting stops
    std::chrono::steady_clock::time_point m_started;
};

} // namespace mccig::sim
