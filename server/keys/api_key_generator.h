#pragma once

#include "mccig/core/result.h"

#include <string>

namespace mccig::server {

// A new tenant API key: "mk_" and 64 lowercase hex digits, 256 bits from the
// operating system's CSPRNG through OpenSSL. The prefix makes a leaked key easy
// to recognise (in logs, in secret scanners). Fails (ErrorKind::Internal) only
// when OpenSSL cannot gather entropy. Any thread.
Result<std::string> generateApiKey();

} // namespace mccig::server
