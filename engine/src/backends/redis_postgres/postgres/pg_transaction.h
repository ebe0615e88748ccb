#pragma once

#include "mccig/postgres/pg_connection.h"

namespace mccig {

// Runs `body` (returning a Result) in one transaction on `connection`: BEGIN,
// then COMMIT when the body succeeds. When it fails, ROLLBACK (a failed
// statement aborted the transaction; a lost connection rolled it back
// already) and the body's error.
template <typename Body>
auto inTransaction(PgConnection& connection, Body&& body) -> decltype(body())
{
    if (auto begun = connection.exec("BEGIN"); !begun)
        return std::unexpected(begun.error());
    auto result = body();
    if (!result) {
        if (connection.isConnected())
            (void)connection.exec("ROLLBACK");
        return result;
    }
    if (auto committed = connection.exec("COMMIT"); !committed)
        return std::unexpected(committed.error());
    return result;
}

} // namespace mccig
