#pragma once

#include "sqlite_connection.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace mccig::embedded {

// Copies the write-ahead log back into the database file on a thread of its
// own ("mccig-checkpoint"), a few times a second. Every connection of the
// backend turns SQLite's automatic checkpoint off, which would otherwise run
// inside whichever commit crossed the threshold and stall its admissions.
// A passive checkpoint never blocks a writer. Stopping truncates the log.
class Checkpointer {
public:
    explicit Checkpointer(SqliteConnection connection);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    void run();

    SqliteConnection m_connection;
    std::mutex m_mutex; // guards m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace mccig::embedded
