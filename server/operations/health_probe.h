#pragma once

#include "config/server_config.h"

#include <chrono>
#include <ostream>

namespace mccig::server {

// `mccig-server healthcheck`: asks the server on this host for GET /healthz
// and answers with the exit code (0 healthy, 1 not), so a container's health
// check needs neither a shell nor curl. It probes the address the server
// listens on (--listen / MCCIG_LISTEN); a wildcard address is probed on
// loopback. With `tls` (the server's --tls-cert is set) it asks over TLS,
// without checking the certificate: the server is asked about itself, on
// this host. Says why on `err` when unhealthy. Blocks for at most `timeout`.
int runHealthcheckCommand(const ListenAddress& listen, bool tls, std::ostream& err,
                          std::chrono::milliseconds timeout = std::chrono::seconds(3));

} // namespace mccig::server
