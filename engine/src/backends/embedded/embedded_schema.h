#pragma once

#include "mccig/core/result.h"

namespace mccig::embedded {

class SqliteConnection;

// Creates or upgrades the embedded database's tables (PRAGMA user_version
// holds the applied version). Migrations are append-only, like PostgreSQL's.
Result<void> migrateSchema(SqliteConnection& connection);

} // namespace mccig::embedded
