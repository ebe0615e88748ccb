#pragma once

#include "check_result.h"
#include "send_outcome.h"

#include <string>
#include <vector>

namespace mccig::sim {

// Verdicts that need only what the senders saw, no admin API. Pure functions.

// Concurrent copies of one message: exactly one 202, every other copy a 200
// naming the same eventId. (The database side, one row, is checked later.)
CheckResult judgeReplayAnswers(const std::vector<SendOutcome>& copies);

// The noisy-neighbour phase: the noisy tenant got at least one 429, each with
// a Retry-After of at least one second and a retryAfterMs in the body, while
// every request of every other tenant was accepted (202).
CheckResult judgeNoisyNeighbour(const std::vector<SendOutcome>& outcomes, const std::string& noisyTenant);

} // namespace mccig::sim
