#include "checkpointer.h"

#include "mccig/core/thread_name.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

namespace mccig::embedded {
namespace {

constexpr auto kInterval = std::chrono::milliseconds(200);

// Runs `PRAGMA wal_checkpoint(mode)`; the frames in the log, or an error.
Result<std::int64_t> checkpoint(SqliteConnection& connection, const char* mode)
{
    auto statement = connection.prepare(std::string("PRAGMA wal_checkpoint(") + mode + ")");
    if (!statement)
        return std::unexpected(statement.error());
    auto row = statement->step();
    if (!row)
        return std::unexpected(row.error());
    const std::int64_t frames = *row ? statement->integer(1) : 0;
    statement->reset();
    return frames;
}

// Flushes a file's written pages to the disk; best effort (a later
// checkpoint syncs whatever this left).
void syncFile(const std::string& path)
{
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0)
        return;
    (void)::fdatasync(descriptor);
    ::close(descriptor);
}

} // namespace

Checkpointer::Checkpointer(SqliteConnection connection, std::string databasePath, std::int64_t restartAfterFrames)
    : m_connection(std::move(connection))
    , m_databasePath(std::move(databasePath))
    , m_restartAfterFrames(restartAfterFrames)
    , m_thread([this] { run(); })
{
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Checkpointer::run()
{
    nameThisThread("mccig-checkpoint");
    // A restart waits in the busy handler for readers to leave the log, and
    // writers wait for the restart: a reader taking long (an export, say) makes
    // it give up and try at the next interval instead.
    (void)m_connection.exec("PRAGMA busy_timeout = 20");
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kInterval, [this] { return m_stopping; }))
        checkpointOnce();
    (void)m_connection.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void Checkpointer::checkpointOnce()
{
    // Passive, beside the writers: it copies the bulk of the log.
    const auto frames = checkpoint(m_connection, "PASSIVE");
    if (!frames || *frames < m_restartAfterFrames)
        return;
    // A log that writers keep appending to is never wholly copied at the
    // moment a writer begins, so under sustained ingest it never starts over
    // and grows by gigabytes a minute. A RESTART in a write turn (no writer
    // of this process runs meanwhile) copies what is left and has the next
    // writer start the log from its beginning, reusing the file. Writers wait
    // for it, so first, still beside them: sync what the passive pass wrote,
    // copy again and sync again, leaving the restart a few milliseconds of
    // copying and syncing (about 30 ms without).
    for (int round = 0; round < 2; ++round) {
        if (round > 0)
            (void)checkpoint(m_connection, "PASSIVE");
        syncFile(m_databasePath);
        syncFile(m_databasePath + "-wal");
    }
    (void)m_connection.inTurn([&] { return checkpoint(m_connection, "RESTART"); });
}

} // namespace mccig::embedded
