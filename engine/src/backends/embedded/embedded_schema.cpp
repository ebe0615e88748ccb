#include "embedded_schema.h"

#include "sqlite_connection.h"

#include <string>
#include <vector>

namespace mccig::embedded {
namespace {

// Append only: a released migration is never edited, a change is a new entry.
// Times are epoch milliseconds (µs for buckets, as Redis keeps them), except
// the ISO texts that the API shows back.
const std::vector<const char*>& migrations()
{
    static const std::vector<const char*> all{
        R"(
CREATE TABLE queue (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  event       TEXT NOT NULL,             -- ConversationEvent JSON, exactly as admitted
  attempts    INTEGER NOT NULL DEFAULT 0,
  failures    TEXT NOT NULL DEFAULT '[]',
  due_ms      INTEGER NOT NULL DEFAULT 0, -- not delivered before this time (retries)
  owner       TEXT,                       -- the consumer holding it; NULL while waiting
  taken_ms    INTEGER                     -- when the owner took it
);
CREATE INDEX queue_waiting ON queue (due_ms, seq) WHERE owner IS NULL;
CREATE INDEX queue_taken ON queue (taken_ms) WHERE owner IS NOT NULL;

CREATE TABLE idempotency (
  tenant_id           TEXT NOT NULL,
  channel             TEXT NOT NULL,
  provider_message_id TEXT NOT NULL,
  event_id            TEXT NOT NULL,
  expires_ms          INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, channel, provider_message_id)
) WITHOUT ROWID;
CREATE INDEX idempotency_expiry ON idempotency (expires_ms);

CREATE TABLE buckets (
  tenant_id         TEXT PRIMARY KEY,
  tokens            REAL NOT NULL,
  updated_us        INTEGER NOT NULL,
  capacity          REAL NOT NULL,
  refill_per_second REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE tenant_totals (
  tenant_id TEXT NOT NULL,
  metric    TEXT NOT NULL,
  total     INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, metric)
) WITHOUT ROWID;

-- Per-second counters; tenant_id '' holds the global figures.
CREATE TABLE stats (
  second    INTEGER NOT NULL,
  tenant_id TEXT NOT NULL,
  metric    TEXT NOT NULL,
  total     INTEGER NOT NULL,
  PRIMARY KEY (second, tenant_id, metric)
) WITHOUT ROWID;

CREATE TABLE dead_letters (
  id         TEXT PRIMARY KEY,
  tenant_id  TEXT,
  event      TEXT NOT NULL,
  attempts   INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  failed_at  TEXT NOT NULL,
  failed_ms  INTEGER NOT NULL,
  failures   TEXT NOT NULL
);
CREATE INDEX dead_letters_newest ON dead_letters (failed_ms DESC, id DESC);

CREATE TABLE conversation_events (
  id                  TEXT PRIMARY KEY,
  tenant_id           TEXT NOT NULL,
  provider_message_id TEXT NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('sms','chat','voice')),
  content             TEXT NOT NULL,
  raw_metadata        TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  UNIQUE (tenant_id, channel, provider_message_id)
);
CREATE INDEX conversation_events_tenant_created ON conversation_events (tenant_id, created_at);

CREATE TABLE api_keys (
  digest     TEXT PRIMARY KEY,
  tenant_id  TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
)",
        R"(
-- One row the health probe rewrites: a write, so a full disk fails readiness.
CREATE TABLE probe (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  at_ms INTEGER NOT NULL
);
)",
        R"(
-- Provider webhook secrets, kept as given: a signature check needs the key.
CREATE TABLE webhook_secrets (
  id         TEXT PRIMARY KEY,
  tenant_id  TEXT NOT NULL,
  provider   TEXT NOT NULL,
  secret     TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
)",
        R"(
-- Each queued and dead-lettered message carries its idempotency key, so an
-- admission finds a live key where the message is (queue, dead letters or
-- stored events) and the idempotency table keeps only what those cannot
-- show (decision 17). Rows from before have no key: their records stay in
-- the idempotency table until they expire.
ALTER TABLE queue ADD COLUMN tenant_id TEXT;
ALTER TABLE queue ADD COLUMN channel TEXT;
ALTER TABLE queue ADD COLUMN provider_message_id TEXT;
ALTER TABLE queue ADD COLUMN event_id TEXT;
ALTER TABLE queue ADD COLUMN expires_ms INTEGER;
CREATE INDEX queue_key ON queue (tenant_id, channel, provider_message_id);
ALTER TABLE dead_letters ADD COLUMN channel TEXT;
ALTER TABLE dead_letters ADD COLUMN provider_message_id TEXT;
ALTER TABLE dead_letters ADD COLUMN expires_ms INTEGER;
CREATE INDEX dead_letters_key ON dead_letters (tenant_id, channel, provider_message_id);
)",
    };
    return all;
}

Result<int> appliedVersion(SqliteConnection& connection)
{
    auto query = connection.prepare("PRAGMA user_version");
    if (!query)
        return std::unexpected(query.error());
    auto row = query->step();
    if (!row)
        return std::unexpected(row.error());
    const int version = *row ? static_cast<int>(query->integer(0)) : 0;
    query->reset();
    return version;
}

} // namespace

Result<int> migrateSchema(SqliteConnection& connection)
{
    const auto& all = migrations();
    return connection.transaction<int>([&]() -> Result<int> {
        auto version = appliedVersion(connection);
        if (!version)
            return std::unexpected(version.error());
        if (*version > static_cast<int>(all.size()))
            return failure(ErrorKind::Rejected, "the data dir was written by a newer mccig-server (schema version "
                                                    + std::to_string(*version) + ")");
        for (auto next = static_cast<std::size_t>(*version); next < all.size(); ++next)
            if (auto applied = connection.exec(all[next]); !applied)
                return std::unexpected(applied.error());
        if (auto stamped = connection.exec("PRAGMA user_version = " + std::to_string(all.size())); !stamped)
            return std::unexpected(stamped.error());
        return static_cast<int>(all.size()) - *version;
    });
}

} // namespace mccig::embedded
