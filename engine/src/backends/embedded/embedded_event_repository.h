#pragma once

#include "sqlite_connection.h"

#include "mccig/ports/event_repository.h"

#include <memory>

namespace mccig {
class QueuedEventReader;
}

namespace mccig::embedded {

// EventRepository on the embedded database's `conversation_events` table: the
// columns and unique key of the PostgreSQL table, with created_at kept as the
// fixed-width RFC 3339 UTC text (it sorts as time does) and raw_metadata as
// JSON text. One thread per instance.
class EmbeddedEventRepository final : public EventRepository {
public:
    explicit EmbeddedEventRepository(SqliteConnection connection);
    ~EmbeddedEventRepository() override;

    Result<std::size_t> storeBatch(const std::vector<ConversationEvent>& events) override;
    Result<QueuedStoreOutcome> storeQueued(std::span<const QueuedMessage> messages) override;
    Result<void> ensureReady() override;
    Result<EventPage> list(const EventPageRequest& request) override;
    Result<long long> count(const EventFilter& filter) override;

private:
    SqliteConnection m_connection;
    std::unique_ptr<QueuedEventReader> m_reader;
};

} // namespace mccig::embedded
