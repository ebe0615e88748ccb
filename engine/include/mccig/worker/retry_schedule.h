#pragma once

#include <chrono>

namespace mccig {

inline constexpr std::chrono::milliseconds kMaxRetryDelay{60000};

// The wait before the next try of a message that has failed `attempts` times
// (1, 2, ...): base * 2^(attempts-1), plus up to half of it again drawn from
// `unitRandom` in [0, 1), capped at kMaxRetryDelay. Never less than
// base * 2^(attempts-1), and each delay is at least the previous one's
// maximum, so delays never shrink; at the cap the delay is the cap itself.
std::chrono::milliseconds retryDelay(int attempts, std::chrono::milliseconds base, double unitRandom);

} // namespace mccig
