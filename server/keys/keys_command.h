#pragma once

#include "config/server_config.h"
#include "keys/keys_request.h"

#include <ostream>

namespace mccig::server {

// `mccig-server keys ...` against the backend of `config` (Redis, or the
// embedded data dir beside a running server):
//   add     prints the new key on `out`, alone on its line (the only time it
//           is visible; only its digest is stored), and its id on `err`;
//   list    prints "KEY-ID<TAB>TENANT<TAB>CREATED-AT" per stored key, oldest first;
//   revoke  deletes the key and says so on `out`.
// Returns the exit code: 0 done; 1 with a one-line message on `err` when the backend
// cannot be reached or the key id matches no key (or several).
int runKeysCommand(const KeysRequest& request, const ServerConfig& config, std::ostream& out, std::ostream& err);

} // namespace mccig::server
