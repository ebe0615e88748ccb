#include "mccig/backends/embedded_backend.h"

#include "admission_writer.h"
#include "checkpointer.h"
#include "data_dir.h"
#include "embedded_admission_gate.h"
#include "embedded_dead_letter_queue.h"
#include "embedded_event_queue.h"
#include "embedded_event_repository.h"
#include "embedded_schema.h"
#include "queue_signal.h"

namespace mccig {

using namespace embedded;

// Declared so that destruction runs backwards: the writer and the
// checkpointer stop before the data dir's lock is released.
class EmbeddedBackend::Parts {
public:
    Parts(DataDir dataDir, Durability durability, std::shared_ptr<const Clock> clock)
        : dataDir(std::move(dataDir))
        , durability(durability)
        , clock(std::move(clock))
        , checkpointer(connection())
        , writer(connection(), *this->clock, &signal)
    {
    }

    SqliteConnection connection() const { return SqliteConnection(dataDir.databasePath(), durability); }

    DataDir dataDir;
    Durability durability;
    std::shared_ptr<const Clock> clock;
    QueueSignal signal;
    Checkpointer checkpointer;
    AdmissionWriter writer;
};

Result<std::shared_ptr<EmbeddedBackend>> EmbeddedBackend::open(const EmbeddedSettings& settings,
                                                               std::shared_ptr<const Clock> clock)
{
    auto dataDir = DataDir::acquire(settings.dataDir);
    if (!dataDir)
        return std::unexpected(dataDir.error());
    const auto durability = settings.fullFsync ? Durability::Full : Durability::Normal;
    auto connection = SqliteConnection::open(dataDir->databasePath(), durability, true);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto migrated = migrateSchema(*connection); !migrated)
        return std::unexpected(migrated.error());
    auto parts = std::make_unique<Parts>(std::move(*dataDir), durability, std::move(clock));
    return std::shared_ptr<EmbeddedBackend>(new EmbeddedBackend(std::move(parts)));
}

EmbeddedBackend::EmbeddedBackend(std::unique_ptr<Parts> parts)
    : m_parts(std::move(parts))
{
}

EmbeddedBackend::~EmbeddedBackend() = default;

const std::filesystem::path& EmbeddedBackend::dataDir() const { return m_parts->dataDir.folder(); }

std::unique_ptr<EventQueue> EmbeddedBackend::eventQueue(const std::string& consumerName)
{
    return std::make_unique<EmbeddedEventQueue>(m_parts->connection(), consumerName, *m_parts->clock,
                                                &m_parts->signal);
}

std::unique_ptr<EventRepository> EmbeddedBackend::eventRepository()
{
    return std::make_unique<EmbeddedEventRepository>(m_parts->connection());
}

std::unique_ptr<AdmissionGate> EmbeddedBackend::admissionGate(boost::asio::any_io_executor executor)
{
    return std::make_unique<EmbeddedAdmissionGate>(m_parts->writer, std::move(executor));
}

std::unique_ptr<DeadLetterQueue> EmbeddedBackend::deadLetterQueue()
{
    return std::make_unique<EmbeddedDeadLetterQueue>(m_parts->connection(), &m_parts->signal);
}

} // namespace mccig
