#pragma once

#include "mccig/core/result.h"

#include <chrono>
#include <string>

namespace mccig {

// Brings the database schema (API.md §4) up to date. Versioned and idempotent:
// applied versions are recorded in `schema_migrations`; each pending migration
// runs in its own transaction under a transaction-scoped advisory lock, so
// several servers starting at once apply each migration exactly once.
// Blocks the calling thread; every database call is bounded by `timeout`.
// Returns how many migrations this call applied (0 when already up to date).
Result<int> applyMigrations(const std::string& databaseUrl, std::chrono::milliseconds timeout);

// The newest schema version this build knows.
int latestSchemaVersion();

} // namespace mccig
