#include "embedded_storing_acknowledger.h"

#include "event_rows.h"
#include "ports/queued_event_reader.h"
#include "queue_settling.h"

#include <vector>

namespace mccig::embedded {

EmbeddedStoringAcknowledger::EmbeddedStoringAcknowledger(SqliteConnection connection, std::string consumerName,
                                                         const Clock& clock)
    : m_connection(std::move(connection))
    , m_consumerName(std::move(consumerName))
    , m_clock(clock)
    , m_reader(std::make_unique<QueuedEventReader>())
{
}

EmbeddedStoringAcknowledger::~EmbeddedStoringAcknowledger() = default;

Result<StoredAndAcknowledged> EmbeddedStoringAcknowledger::storeAndAcknowledge(std::span<const QueuedMessage> messages)
{
    const auto nowMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
    return m_connection.transaction<StoredAndAcknowledged>([&]() -> Result<StoredAndAcknowledged> {
        auto stored = insertQueuedEvents(m_connection, *m_reader, messages);
        if (!stored)
            return std::unexpected(stored.error());
        // An unreadable message stays on the queue, to be charged a failure.
        std::vector<std::string> storedIds;
        storedIds.reserve(messages.size());
        auto unreadable = stored->unreadable.begin();
        for (std::size_t i = 0; i < messages.size(); ++i) {
            if (unreadable != stored->unreadable.end() && *unreadable == i)
                ++unreadable;
            else
                storedIds.push_back(messages[i].entryId);
        }
        auto acknowledged = acknowledgeEntries(m_connection, m_consumerName, storedIds, nowMs);
        if (!acknowledged)
            return std::unexpected(acknowledged.error());
        return StoredAndAcknowledged{std::move(*stored), *acknowledged};
    });
}

} // namespace mccig::embedded
