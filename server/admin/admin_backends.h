#pragma once

#include "admin_routes.h"

namespace mccig {
class RedisSyncConnection;
class PostgresEventRepository;
}

namespace mccig::server {

// The calling pool thread's own connections to the admin context's Redis and
// PostgreSQL, made on first use and kept for the thread's life (each drops
// and reconnects by itself after a failure). Call only from BlockingPool
// threads: the connections are blocking.
RedisSyncConnection& adminRedis(const AdminContext& context);
PostgresEventRepository& adminRepository(const AdminContext& context);

} // namespace mccig::server
