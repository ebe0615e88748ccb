#pragma once

#include "mccig/core/result.h"

#include <string>

namespace mccig {

// The Error for an error reply of Redis ("NOGROUP ...", "WRONGTYPE ..."):
// Rejected, or Unavailable when Redis cannot write now ("OOM ...",
// "READONLY ...", "LOADING ..."), the reply text as message, and the
// ErrorCode its prefix names. The only place that reads Redis's error prefixes.
Error redisRefusal(std::string replyText);

} // namespace mccig
