#include "data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace mccig::embedded {
namespace {

constexpr const char* kLockFileName = "mccig.lock";
constexpr const char* kDatabaseFileName = "mccig.db";

std::string holderOf(int descriptor)
{
    char buffer[32] = {};
    const auto got = pread(descriptor, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text.empty() ? "another process" : "process " + text;
}

Result<void> ensureFolder(const std::filesystem::path& folder)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        return failure(ErrorKind::Rejected, "cannot create the data dir " + folder.string() + ": " + error.message());
    if (!std::filesystem::is_directory(folder, error))
        return failure(ErrorKind::Rejected, "the data dir " + folder.string() + " is not a folder");
    return {};
}

} // namespace

DataDir::DataDir(std::filesystem::path folder, int lockDescriptor)
    : m_folder(std::move(folder))
    , m_lockDescriptor(lockDescriptor)
{
}

DataDir::DataDir(DataDir&& other) noexcept
    : m_folder(std::move(other.m_folder))
    , m_lockDescriptor(std::exchange(other.m_lockDescriptor, -1))
{
}

DataDir& DataDir::operator=(DataDir&& other) noexcept
{
    if (this != &other) {
        if (m_lockDescriptor >= 0)
            close(m_lockDescriptor);
        m_folder = std::move(other.m_folder);
        m_lockDescriptor = std::exchange(other.m_lockDescriptor, -1);
    }
    return *this;
}

DataDir::~DataDir()
{
    if (m_lockDescriptor >= 0)
        close(m_lockDescriptor); // releases the lock
}

Result<DataDir> DataDir::acquire(const std::filesystem::path& folder)
{
    if (auto ready = ensureFolder(folder); !ready)
        return std::unexpected(ready.error());
    const auto lockPath = folder / kLockFileName;
    const int descriptor = open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return failure(ErrorKind::Rejected, "the data dir " + folder.string() + " is not writable: "
                                                + std::strerror(errno));
    if (flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        const std::string holder = holderOf(descriptor);
        close(descriptor);
        return failure(ErrorKind::Rejected, "the data dir " + folder.string() + " is in use by " + holder
                                                + " (one mccig-server per data dir)");
    }
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(descriptor, 0) != 0 || pwrite(descriptor, pid.data(), pid.size(), 0) < 0) {
        close(descriptor);
        return failure(ErrorKind::Rejected, "the data dir " + folder.string() + " is not writable: "
                                                + std::strerror(errno));
    }
    return DataDir(folder, descriptor);
}

Result<DataDir> DataDir::share(const std::filesystem::path& folder)
{
    if (auto ready = ensureFolder(folder); !ready)
        return std::unexpected(ready.error());
    return DataDir(folder, -1);
}

std::string DataDir::databasePath() const { return (m_folder / kDatabaseFileName).string(); }

} // namespace mccig::embedded
