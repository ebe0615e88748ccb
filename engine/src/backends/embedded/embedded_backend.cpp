#include "mccig/backends/embedded_backend.h"

#include "admission_writer.h"
#include "checkpointer.h"
#include "data_dir.h"
#include "embedded_admission_gate.h"
#include "embedded_api_key_store.h"
#include "embedded_dead_letter_queue.h"
#include "embedded_event_queue.h"
#include "embedded_event_repository.h"
#include "embedded_health_probe.h"
#include "embedded_live_stats.h"
#include "embedded_schema.h"
#include "embedded_storing_acknowledger.h"
#include "embedded_webhook_secret_store.h"
#include "queue_signal.h"

#include <filesystem>
#include <optional>
#include <stdexcept>

namespace mccig {

using namespace embedded;

// Declared so that destruction runs backwards: the writer and the
// checkpointer stop before the data dir's lock is released. A data dir
// opened by a tool (not exclusive) has neither.
class EmbeddedBackend::Parts {
public:
    // `writers` (with `turns`) only for a process that owns the data dir.
    Parts(DataDir dataDir, const EmbeddedSettings& settings, int migrationsApplied, std::shared_ptr<const Clock> clock,
          std::shared_ptr<WriteTurns> turns, std::optional<SqliteConnection> writers)
        : dataDir(std::move(dataDir))
        , durability(settings.fullFsync ? Durability::Full : Durability::Normal)
        , timeout(settings.timeout)
        , migrationsApplied(migrationsApplied)
        , clock(std::move(clock))
        , turns(std::move(turns))
        , writers(std::move(writers))
    {
        if (this->writers) {
            checkpointer.emplace(connection(), this->dataDir.databasePath());
            writer.emplace(this->writers->share(), *this->clock, &signal);
        }
    }

    SqliteConnection connection() const { return SqliteConnection(dataDir.databasePath(), durability, turns); }
    // The connection of the hot writers: the admission writer, the worker's
    // queue and its storing acknowledger take turns on one page cache.
    SqliteConnection writerConnection() const { return writers ? writers->share() : connection(); }

    DataDir dataDir;
    Durability durability;
    std::chrono::milliseconds timeout;
    int migrationsApplied;
    std::shared_ptr<const Clock> clock;
    // Only a process that owns the data dir orders its writers; a tool's
    // (shared) connections meet the server's writes in SQLite's busy handler.
    std::shared_ptr<WriteTurns> turns;
    std::optional<SqliteConnection> writers;
    QueueSignal signal;
    std::optional<Checkpointer> checkpointer;
    std::optional<AdmissionWriter> writer;
};

namespace {

// A database that fails as it opens is the user's to look at (a damaged,
// foreign or unreadable file, a full disk): Rejected, naming the file. A
// lock held too long (a tool writing beside us) is no fault of the file.
std::unexpected<Error> unusable(const std::string& databasePath, const Error& error)
{
    if (error.kind == ErrorKind::Rejected || error.kind == ErrorKind::Timeout)
        return std::unexpected(error);
    return failure(ErrorKind::Rejected, "the database " + databasePath + " cannot be used: " + error.message);
}

// A write-ahead log beside a missing or empty database holds the data of a
// database that was removed: starting a new one would hide that.
Result<void> refuseOrphanedLog(const std::string& databasePath)
{
    std::error_code ignored;
    const std::filesystem::path database(databasePath);
    const std::filesystem::path log(databasePath + "-wal");
    const bool databaseEmpty =
        !std::filesystem::exists(database, ignored) || std::filesystem::file_size(database, ignored) == 0;
    if (!databaseEmpty || std::filesystem::file_size(log, ignored) == 0 || ignored)
        return {};
    return failure(ErrorKind::Rejected, "the data dir holds a write-ahead log (" + log.string()
                                            + ") but no database: put " + database.filename().string()
                                            + " back, or move the log away to start an empty one");
}

} // namespace

Result<std::shared_ptr<EmbeddedBackend>> EmbeddedBackend::open(const EmbeddedSettings& settings,
                                                               std::shared_ptr<const Clock> clock)
{
    auto dataDir = settings.exclusive ? DataDir::acquire(settings.dataDir) : DataDir::share(settings.dataDir);
    if (!dataDir)
        return std::unexpected(dataDir.error());
    const std::string databasePath = dataDir->databasePath();
    if (auto orphaned = refuseOrphanedLog(databasePath); !orphaned)
        return std::unexpected(orphaned.error());
    const auto durability = settings.fullFsync ? Durability::Full : Durability::Normal;
    auto connection = SqliteConnection::open(databasePath, durability, true);
    if (!connection)
        return unusable(databasePath, connection.error());
    auto migrated = embedded::migrateSchema(*connection);
    if (!migrated)
        return unusable(databasePath, migrated.error());
    // One process per data dir: a message the queue shows as taken was taken
    // by a process that died, so it waits again now rather than after the
    // claim idle time (30 s by default) once this process restarts.
    if (settings.exclusive)
        if (auto released = EmbeddedEventQueue::releaseAllTaken(*connection); !released)
            return unusable(databasePath, released.error());
    std::shared_ptr<WriteTurns> turns;
    std::optional<SqliteConnection> writers;
    if (settings.exclusive) {
        turns = std::make_shared<WriteTurns>();
        auto shared = SqliteConnection::openShared(dataDir->databasePath(), durability, turns);
        if (!shared)
            return std::unexpected(shared.error());
        writers.emplace(std::move(*shared));
    }
    auto parts = std::make_unique<Parts>(std::move(*dataDir), settings, *migrated, std::move(clock), std::move(turns),
                                         std::move(writers));
    return std::shared_ptr<EmbeddedBackend>(new EmbeddedBackend(std::move(parts)));
}

EmbeddedBackend::EmbeddedBackend(std::unique_ptr<Parts> parts)
    : m_parts(std::move(parts))
{
}

EmbeddedBackend::~EmbeddedBackend() = default;

const std::filesystem::path& EmbeddedBackend::dataDir() const { return m_parts->dataDir.folder(); }

std::string EmbeddedBackend::kind() const { return "embedded"; }

Result<int> EmbeddedBackend::migrateSchema() { return m_parts->migrationsApplied; }

Result<int> EmbeddedBackend::prepare() { return m_parts->migrationsApplied; }

std::unique_ptr<AdmissionGate> EmbeddedBackend::admissionGate(boost::asio::io_context& io)
{
    if (!m_parts->writer)
        throw std::logic_error("an embedded data dir opened by a tool cannot admit");
    return std::make_unique<EmbeddedAdmissionGate>(*m_parts->writer, io);
}

AdmissionBatchSizes EmbeddedBackend::admissionBatchSizes() const
{
    return m_parts->writer ? m_parts->writer->groupSizes() : AdmissionBatchSizes{};
}

std::unique_ptr<EventQueue> EmbeddedBackend::eventQueue(const std::string& consumerName)
{
    return std::make_unique<EmbeddedEventQueue>(m_parts->writerConnection(), consumerName, *m_parts->clock,
                                                &m_parts->signal);
}

std::unique_ptr<EventRepository> EmbeddedBackend::eventRepository()
{
    return std::make_unique<EmbeddedEventRepository>(m_parts->connection());
}

std::unique_ptr<StoringAcknowledger> EmbeddedBackend::storingAcknowledger(const std::string& consumerName)
{
    return std::make_unique<EmbeddedStoringAcknowledger>(m_parts->writerConnection(), consumerName, *m_parts->clock);
}

std::unique_ptr<DeadLetterQueue> EmbeddedBackend::deadLetterQueue()
{
    return std::make_unique<EmbeddedDeadLetterQueue>(m_parts->connection(), &m_parts->signal);
}

std::unique_ptr<LiveStats> EmbeddedBackend::liveStats()
{
    return std::make_unique<EmbeddedLiveStats>(m_parts->connection(), *m_parts->clock);
}

std::unique_ptr<ApiKeyStore> EmbeddedBackend::apiKeyStore()
{
    return std::make_unique<EmbeddedApiKeyStore>(m_parts->connection());
}

std::unique_ptr<WebhookSecretStore> EmbeddedBackend::webhookSecretStore()
{
    return std::make_unique<EmbeddedWebhookSecretStore>(m_parts->connection());
}

std::unique_ptr<HealthProbe> EmbeddedBackend::healthProbe()
{
    return std::make_unique<EmbeddedHealthProbe>(m_parts->writer ? &*m_parts->writer : nullptr, m_parts->timeout);
}

} // namespace mccig
