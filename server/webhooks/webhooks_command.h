#pragma once

#include "config/server_config.h"
#include "webhooks/webhooks_request.h"

#include <istream>
#include <ostream>

namespace mccig::server {

// `mccig-server webhooks ...` against the backend of `config` (Redis, or the
// embedded data dir beside a running server):
//   set     reads the secret from the first line of `in` (never from the
//           command line, which any local user can read), stores it and
//           prints its id on `out`;
//   list    prints "SECRET-ID<TAB>TENANT<TAB>PROVIDER<TAB>CREATED-AT" per
//           stored secret, oldest first (never the secret);
//   remove  deletes the secret and says so on `out`.
// Returns the exit code: 0 done; 1 with a one-line message on `err` when the
// backend cannot be reached or the id matches no secret; 2 when the secret
// read is not one the provider could use.
int runWebhooksCommand(const WebhooksRequest& request, const ServerConfig& config, std::istream& in,
                       std::ostream& out, std::ostream& err);

} // namespace mccig::server
