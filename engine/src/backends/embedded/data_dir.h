#pragma once

#include "mccig/core/result.h"

#include <filesystem>
#include <string>

namespace mccig::embedded {

// The folder that holds one embedded gateway's database, and the proof that
// this process alone uses it: an exclusive lock on `mccig.lock` inside it,
// held until the DataDir is destroyed (the OS drops it if the process dies,
// so a kill -9 leaves no stale lock). The lock file names the holder's PID.
class DataDir {
public:
    // Creates the folder if needed. Fails (Rejected, with a message for the
    // user) when it cannot be created or written, or another process holds it.
    static Result<DataDir> acquire(const std::filesystem::path& folder);
    // The folder without the lock, for a tool beside a running gateway
    // (`mccig-server keys`): SQLite's own locking keeps the writes apart.
    static Result<DataDir> share(const std::filesystem::path& folder);

    DataDir(DataDir&& other) noexcept;
    DataDir& operator=(DataDir&& other) noexcept;
    DataDir(const DataDir&) = delete;
    DataDir& operator=(const DataDir&) = delete;
    ~DataDir();

    const std::filesystem::path& folder() const { return m_folder; }
    std::string databasePath() const;

private:
    DataDir(std::filesystem::path folder, int lockDescriptor);

    std::filesystem::path m_folder;
    int m_lockDescriptor = -1;
};

} // namespace mccig::embedded
