#pragma once

#include "config/server_config.h"

#include <istream>
#include <ostream>

namespace mccig::server {

// `mccig-server import`: loads an export (transfer/transfer_record.h) from
// `in` into the backend of `config`. Stored events are stored again, an
// event already stored (same tenant, channel and providerMessageId) skipped,
// so importing twice is harmless. Dead letters are queued for another
// attempt on this backend: one that fails again returns to its DLQ.
// Reads and stores batch by batch; at a malformed line it stops, names the
// line, and keeps what it stored before it (importing again skips that).
// Returns the exit code: 0 done; 1 when the backend fails; 2 when the input
// is not a readable export. The totals go to `out`, problems to `err`.
int runImportCommand(const ServerConfig& config, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace mccig::server
