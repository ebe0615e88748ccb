#include "embedded_backend.h"

#include "embedded_admission_gate.h"
#include "embedded_schema.h"

namespace mccig::embedded {

Result<std::unique_ptr<EmbeddedBackend>> EmbeddedBackend::open(const EmbeddedSettings& settings, const Clock& clock)
{
    auto dataDir = DataDir::acquire(settings.dataDir);
    if (!dataDir)
        return std::unexpected(dataDir.error());
    auto connection = SqliteConnection::open(dataDir->databasePath(), settings.durability, true);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto migrated = migrateSchema(*connection); !migrated)
        return std::unexpected(migrated.error());
    return std::unique_ptr<EmbeddedBackend>(new EmbeddedBackend(std::move(*dataDir), settings.durability, clock));
}

EmbeddedBackend::EmbeddedBackend(DataDir dataDir, Durability durability, const Clock& clock)
    : m_dataDir(std::move(dataDir))
    , m_durability(durability)
    , m_clock(clock)
    , m_checkpointer(connection())
    , m_writer(connection(), clock, &m_signal)
{
}

SqliteConnection EmbeddedBackend::connection() const
{
    return SqliteConnection(m_dataDir.databasePath(), m_durability);
}

std::unique_ptr<AdmissionGate> EmbeddedBackend::admissionGate(boost::asio::any_io_executor executor)
{
    return std::make_unique<EmbeddedAdmissionGate>(m_writer, std::move(executor));
}

std::unique_ptr<EventQueue> EmbeddedBackend::eventQueue(const std::string& consumerName)
{
    return std::make_unique<EmbeddedEventQueue>(connection(), consumerName, m_clock, &m_signal);
}

std::unique_ptr<EventRepository> EmbeddedBackend::eventRepository()
{
    return std::make_unique<EmbeddedEventRepository>(connection());
}

std::unique_ptr<DeadLetterQueue> EmbeddedBackend::deadLetterQueue()
{
    return std::make_unique<EmbeddedDeadLetterQueue>(connection(), &m_signal);
}

std::unique_ptr<EmbeddedLiveStats> EmbeddedBackend::liveStats()
{
    return std::make_unique<EmbeddedLiveStats>(connection(), m_clock);
}

} // namespace mccig::embedded
