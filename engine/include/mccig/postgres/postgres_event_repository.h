#pragma once

#include "mccig/ports/event_repository.h"
#include "mccig/postgres/event_row_writer.h"
#include "mccig/postgres/pg_connection.h"

#include <string_view>

namespace mccig {

// EventRepository on the conversation_events table (API.md §4). A batch is
// one COPY (one round trip, one statement); if a row of it is stored already,
// the batch is stored again through a temporary table and one INSERT ...
// SELECT ON CONFLICT DO NOTHING. Listing pages by (created_at, id)
// descending with an opaque cursor. Owns its connection; one thread at a time.
class PostgresEventRepository final : public EventRepository {
public:
    PostgresEventRepository(std::string databaseUrl, std::chrono::milliseconds timeout);

    Result<std::size_t> storeBatch(const std::vector<ConversationEvent>& events) override;
    Result<EventPage> list(const EventPageRequest& request) override;
    Result<long long> count(const EventFilter& filter) override;
    // One COPY of rows the EventRowWriter writes straight from each eventText.
    Result<QueuedStoreOutcome> storeQueued(std::span<const QueuedMessage> messages) override;
    Result<void> ensureReady() override;

    PgConnection& connection() { return m_connection; }

private:
    // Rows in COPY's text format, '\n'-terminated; rows stored already are
    // skipped, one transaction. Returns how many rows were new.
    Result<std::size_t> storeRows(std::string_view rows);
    Result<std::size_t> insertSkippingStored(std::string_view rows);

    PgConnection m_connection;
    EventRowWriter m_rowWriter;
    std::string m_rows; // the COPY text of the messages being stored, reused
};

} // namespace mccig
