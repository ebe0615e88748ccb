#pragma once

#include "mccig/core/result.h"
#include "write_turns.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace mccig::embedded {

// How hard a commit presses its pages to the disk (docs/embedded-backend.md).
enum class Durability {
    // WAL with synchronous=NORMAL: a commit survives the process being killed;
    // a power loss can lose the last commits since the WAL was last synced.
    Normal,
    // WAL with synchronous=FULL: every commit is fsynced before it is answered.
    Full,
};

// One prepared statement of a SqliteConnection. Parameters are 1-based, as in
// SQLite; columns 0-based. Reset after each use (step() to done, or reset()).
class SqliteStatement {
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt* statement);

    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bindNull(int index);

    // true: a row is ready to read; false: the statement is done (and reset).
    Result<bool> step();
    // Runs a statement that returns no rows (or whose rows do not matter).
    Result<void> run();
    // Steps through every row, calling `onRow(*this)` on each. When onRow
    // returns an error (it may return Result<void> or nothing), stops there.
    template <typename OnRow>
    Result<void> forEachRow(OnRow&& onRow);
    void reset();
    // Rows changed by the latest INSERT, UPDATE or DELETE on this statement's connection.
    std::int64_t changes() const;

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    bool isNull(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

// One SQLite connection in WAL mode, opened on first use (so a port instance
// can be handed out without a failure path, as the Redis and PostgreSQL
// connections are). Errors are values: SQLITE_BUSY and
// SQLITE_LOCKED (another writer held the database for the whole busy timeout)
// are Timeout; SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN and SQLITE_READONLY
// are Unavailable (the disk, not the data); constraint violations are
// Rejected; SQLITE_CORRUPT and SQLITE_NOTADB are Internal. One thread at a
// time, except a shared connection (openShared), used only in its turns.
class SqliteConnection {
public:
    // A connection to the existing database file at `path`, opened on first use.
    // Its transactions wait for their turn in `turns` when given (shared by
    // every connection of one process to the file).
    SqliteConnection(std::string path, Durability durability, std::shared_ptr<WriteTurns> turns = {});
    // Opens (creating when `create`) the database file now and sets WAL mode,
    // the durability, a busy timeout and foreign keys.
    static Result<SqliteConnection> open(const std::string& path, Durability durability, bool create);
    // Opens now one connection that several threads share through share(),
    // each using it only in its turn (transaction or inTurn): every writer of
    // a process on one connection, so that one writer's commit does not empty
    // the others' page caches (in WAL mode a connection that finds the file
    // changed by another connection starts its next transaction cold).
    static Result<SqliteConnection> openShared(const std::string& path, Durability durability,
                                               std::shared_ptr<WriteTurns> turns);
    // Another handle on this shared connection (its statements, its transactions).
    SqliteConnection share() const;

    SqliteConnection(SqliteConnection&&) noexcept = default;
    SqliteConnection& operator=(SqliteConnection&&) noexcept = default;

    // Runs one or more statements without parameters.
    Result<void> exec(std::string_view sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    // Rows changed by the last INSERT, UPDATE or DELETE.
    std::int64_t changes() const;

    // BEGIN IMMEDIATE ... COMMIT around `body`, in its write turn; ROLLBACK when it fails.
    // Every write goes through here (or writeOne), so writers of one process
    // take SQLite's write lock in turn, never in its polling busy handler.
    template <typename T, typename Body>
    Result<T> transaction(Body&& body);
    // Runs one writing statement, returning no rows, as a transaction of its
    // own; the rows it changed.
    Result<std::int64_t> writeOne(SqliteStatement& statement);
    // Runs `body` (reads, or preparing statements) in this connection's turn,
    // outside any transaction: how a shared connection is used for anything
    // but a write, so that no other thread is inside it meanwhile.
    template <typename Body>
    auto inTurn(Body&& body) -> decltype(body());

    // An error as a value, from SQLite's extended result code and message.
    Error lastError(std::string_view during) const;

private:
    struct Closer {
        void operator()(sqlite3* database) const;
    };
    Result<void> ensureOpen(bool create = false, bool shared = false);

    std::string m_path;
    Durability m_durability = Durability::Normal;
    std::shared_ptr<WriteTurns> m_turns;
    std::shared_ptr<sqlite3> m_database;
};

template <typename OnRow>
Result<void> SqliteStatement::forEachRow(OnRow&& onRow)
{
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
        if constexpr (std::is_same_v<std::invoke_result_t<OnRow, const SqliteStatement&>, Result<void>>) {
            if (auto done = onRow(std::as_const(*this)); !done) {
                reset();
                return done;
            }
        } else {
            onRow(std::as_const(*this));
        }
    }
}

template <typename T, typename Body>
Result<T> SqliteConnection::transaction(Body&& body)
{
    std::unique_lock<WriteTurns> turn;
    if (m_turns)
        turn = std::unique_lock(*m_turns);
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return std::unexpected(begun.error());
    Result<T> outcome = body();
    if (!outcome) {
        (void)exec("ROLLBACK");
        return outcome;
    }
    if (auto committed = exec("COMMIT"); !committed) {
        (void)exec("ROLLBACK");
        return std::unexpected(committed.error());
    }
    return outcome;
}

template <typename Body>
auto SqliteConnection::inTurn(Body&& body) -> decltype(body())
{
    std::unique_lock<WriteTurns> turn;
    if (m_turns)
        turn = std::unique_lock(*m_turns);
    return body();
}

// An error for a result code: the mapping SqliteConnection uses.
Error sqliteError(int code, std::string_view during, std::string_view detail);

} // namespace mccig::embedded
