#pragma once

#include <chrono>

namespace mccig {

inline constexpr std::chrono::milliseconds kMaxRetryDelay{60000};

// The wait before the next try of a message that has failed `attempts` times
// (1, 2, ...): base * 2^(attempts-1), capped at kMaxRetryDelay, with "equal
// jitter": half of it fixed, half drawn from `unitRandom` in [0, 1). Each
// delay is at least the previous one's maximum, so delays never shrink; at
// the cap the delay is the cap itself for the same reason.
std::chrono::milliseconds retryDelay(int attempts, std::chrono::milliseconds base, double unitRandom);

} // namespace mccig
