#include "sqlite_connection.h"

#include <sqlite3.h>

#include <string>

namespace mccig::embedded {
namespace {

// Long enough to ride out the worker's and the admission writer's short
// transactions; a writer stuck longer than this is an outage, not a wait.
constexpr int kBusyTimeoutMs = 5000;

ErrorKind kindFor(int code)
{
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorKind::Timeout;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
    case SQLITE_PERM:
        return ErrorKind::Unavailable;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
        return ErrorKind::Rejected;
    default:
        return ErrorKind::Internal;
    }
}

} // namespace

Error sqliteError(int code, std::string_view during, std::string_view detail)
{
    std::string message = "sqlite ";
    message.append(during).append(": ").append(detail);
    return Error{kindFor(code), std::move(message)};
}

SqliteStatement::SqliteStatement(sqlite3_stmt* statement)
    : m_statement(statement)
{
}

void SqliteStatement::Finalizer::operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text)
{
    // An empty view may hold no pointer at all, which SQLite would bind as NULL.
    sqlite3_bind_text(m_statement.get(), index, text.data() ? text.data() : "", static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement.get(), index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement.get(), index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement.get(), index);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement.get());
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE) {
        reset();
        return false;
    }
    // The step's own (extended) code: a shared connection's last error may be another thread's.
    sqlite3* database = sqlite3_db_handle(m_statement.get());
    Error error = sqliteError(code, "step", sqlite3_errmsg(database));
    reset();
    return std::unexpected(std::move(error));
}

Result<void> SqliteStatement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

std::int64_t SqliteStatement::changes() const { return sqlite3_changes64(sqlite3_db_handle(m_statement.get())); }

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(m_statement.get(), column); }

double SqliteStatement::real(int column) const { return sqlite3_column_double(m_statement.get(), column); }

std::string_view SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement.get(), column));
    if (!data)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement.get(), column))};
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

void SqliteConnection::Closer::operator()(sqlite3* database) const { sqlite3_close_v2(database); }

SqliteConnection::SqliteConnection(std::string path, Durability durability, std::shared_ptr<WriteTurns> turns)
    : m_path(std::move(path))
    , m_durability(durability)
    , m_turns(std::move(turns))
{
}

Result<SqliteConnection> SqliteConnection::open(const std::string& path, Durability durability, bool create)
{
    SqliteConnection connection(path, durability);
    if (auto opened = connection.ensureOpen(create); !opened)
        return std::unexpected(opened.error());
    return connection;
}

Result<SqliteConnection> SqliteConnection::openShared(const std::string& path, Durability durability,
                                                      std::shared_ptr<WriteTurns> turns)
{
    SqliteConnection connection(path, durability, std::move(turns));
    if (auto opened = connection.ensureOpen(false, true); !opened)
        return std::unexpected(opened.error());
    return connection;
}

SqliteConnection SqliteConnection::share() const
{
    SqliteConnection handle(m_path, m_durability, m_turns);
    handle.m_database = m_database;
    return handle;
}

Result<void> SqliteConnection::ensureOpen(bool create, bool shared)
{
    if (m_database)
        return {};
    sqlite3* raw = nullptr;
    // A shared connection is used in turns; SQLite's own mutex also keeps a
    // call made outside them from corrupting it.
    const int flags = SQLITE_OPEN_READWRITE | (shared ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX)
                      | (create ? SQLITE_OPEN_CREATE : 0);
    const int code = sqlite3_open_v2(m_path.c_str(), &raw, flags, nullptr);
    std::shared_ptr<sqlite3> database(raw, Closer{});
    if (code != SQLITE_OK)
        return std::unexpected(sqliteError(code, "open " + m_path, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(code)));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    m_database = std::move(database);
    // Checkpoints run on a thread of their own (Checkpointer), never inside a commit.
    const std::string pragmas = std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=")
                                + (m_durability == Durability::Full ? "FULL" : "NORMAL")
                                + "; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;";
    if (auto set = exec(pragmas); !set) {
        m_database.reset();
        return set;
    }
    return {};
}

Result<void> SqliteConnection::exec(std::string_view sql)
{
    if (auto opened = ensureOpen(); !opened)
        return opened;
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(m_database.get(), text.c_str(), nullptr, nullptr, &message);
    if (code == SQLITE_OK)
        return {};
    const std::string detail = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    return std::unexpected(sqliteError(code, "exec", detail));
}

Result<SqliteStatement> SqliteConnection::prepare(std::string_view sql)
{
    if (auto opened = ensureOpen(); !opened)
        return std::unexpected(opened.error());
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(m_database.get(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (code != SQLITE_OK)
        return std::unexpected(lastError("prepare"));
    return SqliteStatement(statement);
}

Result<std::int64_t> SqliteConnection::writeOne(SqliteStatement& statement)
{
    return transaction<std::int64_t>([&]() -> Result<std::int64_t> {
        if (auto done = statement.run(); !done)
            return std::unexpected(done.error());
        return changes();
    });
}

std::int64_t SqliteConnection::changes() const { return m_database ? sqlite3_changes64(m_database.get()) : 0; }

Error SqliteConnection::lastError(std::string_view during) const
{
    if (!m_database)
        return Error{ErrorKind::Unavailable, "sqlite " + std::string(during) + ": not open"};
    return sqliteError(sqlite3_extended_errcode(m_database.get()), during, sqlite3_errmsg(m_database.get()));
}

} // namespace mccig::embedded
