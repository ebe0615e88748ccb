#pragma once

#include "mccig/core/result.h"
#include "mccig/postgres/pg_connection.h"

#include <chrono>
#include <string>

namespace mccig::server {

// The database half of GET /readyz: SELECT 1 on one kept connection, so a
// probe costs a round trip rather than a new PostgreSQL session. Every call
// is bounded by `timeout` on the client side (a server that freezes after
// connecting cannot hold the thread); a failed call drops the connection and
// the next one reconnects. Blocks: one thread at a time, never an I/O thread.
class DatabaseProbe {
public:
    DatabaseProbe(std::string databaseUrl, std::chrono::milliseconds timeout);

    Result<void> check();

private:
    PgConnection m_connection;
};

} // namespace mccig::server
