#pragma once

#include "sqlite_connection.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mccig::embedded {

// Settling queue entries, inside the caller's transaction.

// Removes the entries among `entryIds` that `consumer` holds, counts them as
// persisted, and returns how many it removed: an entry another consumer
// settled or holds, or an id given twice, is not counted.
Result<std::size_t> acknowledgeEntries(SqliteConnection& connection, std::string_view consumer,
                                       std::span<const std::string> entryIds, std::int64_t nowMs);

// Adds `settled` to the second's global counter `metric` (the worker's
// figures in /v1/admin/stats).
Result<void> countSettled(SqliteConnection& connection, std::string_view metric, std::int64_t settled,
                          std::int64_t nowMs);

} // namespace mccig::embedded
