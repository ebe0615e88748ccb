#pragma once

#include "config/server_config.h"

#include <ostream>

namespace mccig::server {

// What `mccig-server export` was asked for.
struct ExportRequest {
    bool withDeadLetters = false; // --with-dead-letters
};

// `mccig-server export`: writes the stored events of the backend of `config`
// (and, on request, its dead letters) to `out` in the export format
// (transfer/transfer_record.h), newest first. Runs beside a running server:
// what is stored after the export began may be left out. Messages still
// queued are not exported; `err` says how many there are, with the totals.
// Returns the exit code: 0 done; 1 when the backend fails or `out` cannot be
// written (a full disk, a closed pipe), with a one-line message on `err`.
int runExportCommand(const ExportRequest& request, const ServerConfig& config, std::ostream& out, std::ostream& err);

} // namespace mccig::server
