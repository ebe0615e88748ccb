#pragma once

#include "mccig/ports/event_repository.h"
#include "mccig/postgres/pg_connection.h"

namespace mccig {

// EventRepository on the conversation_events table (API.md §4). A batch is
// one COPY (one round trip, one statement); if a row of it is stored already,
// the batch is stored again with one INSERT ... SELECT FROM unnest(arrays)
// ON CONFLICT DO NOTHING, parameters bound. Listing pages by (created_at, id)
// descending with an opaque cursor. Owns its connection; one thread at a time.
class PostgresEventRepository final : public EventRepository {
public:
    PostgresEventRepository(std::string databaseUrl, std::chrono::milliseconds timeout);

    Result<std::size_t> storeBatch(const std::vector<ConversationEvent>& events) override;
    Result<EventPage> list(const EventPageRequest& request) override;
    Result<long long> count(const EventFilter& filter) override;

    PgConnection& connection() { return m_connection; }

private:
    Result<std::size_t> insertSkippingStored(const std::vector<ConversationEvent>& events);

    PgConnection m_connection;
};

} // namespace mccig
