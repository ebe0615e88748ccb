#pragma once

#include "mccig/core/result.h"

namespace mccig::embedded {

class SqliteConnection;

// Creates or upgrades the embedded database's tables (PRAGMA user_version
// holds the applied version) and returns how many migrations it applied.
// Migrations are append-only, like PostgreSQL's.
Result<int> migrateSchema(SqliteConnection& connection);

} // namespace mccig::embedded
