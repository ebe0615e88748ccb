#include "mccig/postgres/migrations.h"

#include "mccig/postgres/pg_connection.h"
#include "pg_transaction.h"

#include <libpq-fe.h>

#include <span>
#include <vector>

namespace mccig {
namespace {

// Any fixed number, the same in every server: the key of the lock that
// serializes migrations across processes.
constexpr const char* kMigrationLockKey = "7242019188312001";

struct Migration {
    int version;
    std::vector<std::string> statements;
};

// Append only: a released migration is never edited, a change is a new version.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all{
        {1,
         {R"(CREATE TABLE conversation_events (
  id                  uuid PRIMARY KEY,
  tenant_id           text NOT NULL,
  provider_message_id text NOT NULL,
  channel             text NOT NULL CHECK (channel IN ('sms','chat','voice')),
  content             text NOT NULL,
  raw_metadata        jsonb NOT NULL,
  created_at          timestamptz NOT NULL,
  UNIQUE (tenant_id, channel, provider_message_id)
))",
          "CREATE INDEX ON conversation_events (tenant_id, created_at)"}},
    };
    return all;
}

Result<void> run(PgConnection& connection, const std::string& sql, const std::vector<PgParam>& params = {})
{
    auto result = connection.exec(sql, params);
    if (!result)
        return std::unexpected(result.error());
    return {};
}

// Applies one migration unless another server did already; true when applied here.
Result<bool> applyOne(PgConnection& connection, const Migration& migration)
{
    return inTransaction(connection, [&]() -> Result<bool> {
        if (auto locked = run(connection, "SELECT pg_advisory_xact_lock($1::bigint)", {kMigrationLockKey}); !locked)
            return std::unexpected(locked.error());
        if (auto table = run(connection, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                         "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            !table)
            return std::unexpected(table.error());
        const std::string version = std::to_string(migration.version);
        auto seen = connection.exec("SELECT 1 FROM schema_migrations WHERE version = $1::integer", {version});
        if (!seen)
            return std::unexpected(seen.error());
        if (PQntuples(seen->get()) > 0)
            return false;
        for (const auto& statement : migration.statements)
            if (auto done = run(connection, statement); !done)
                return std::unexpected(done.error());
        if (auto recorded = run(connection, "INSERT INTO schema_migrations (version) VALUES ($1::integer)", {version});
            !recorded)
            return std::unexpected(recorded.error());
        return true;
    });
}

} // namespace

int latestSchemaVersion() { return migrations().back().version; }

Result<int> applyMigrations(const std::string& databaseUrl, std::chrono::milliseconds timeout)
{
    PgConnection connection(databaseUrl, timeout);
    int applied = 0;
    for (const auto& migration : migrations()) {
        auto done = applyOne(connection, migration);
        if (!done)
            return std::unexpected(done.error());
        applied += *done ? 1 : 0;
    }
    return applied;
}

} // namespace mccig
