#pragma once

#include "sqlite_connection.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace mccig::embedded {

// Copies the write-ahead log back into the database file on a thread of its
// own ("mccig-checkpoint"), a few times a second. Every connection of the
// backend turns SQLite's automatic checkpoint off, which would otherwise run
// inside whichever commit crossed the threshold and stall its admissions.
// A passive checkpoint never blocks a writer; when the log has grown past a
// bound, a restart in a write turn makes it start over. Stopping truncates it.
class Checkpointer {
public:
    // Frames the log may hold after a checkpoint before the next writer is
    // made to start it again from its beginning (128 MB of 4 KB pages).
    static constexpr std::int64_t kRestartAfterFrames = 32768;

    // Checkpoints the database file at `databasePath` through `connection`.
    Checkpointer(SqliteConnection connection, std::string databasePath,
                 std::int64_t restartAfterFrames = kRestartAfterFrames);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    void run();
    void checkpointOnce();

    SqliteConnection m_connection;
    std::string m_databasePath;
    const std::int64_t m_restartAfterFrames;
    std::mutex m_mutex; // guards m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace mccig::embedded
