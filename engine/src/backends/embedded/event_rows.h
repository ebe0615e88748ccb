#pragma once

#include "sqlite_connection.h"

#include "mccig/ports/event_repository.h"

#include <span>
#include <vector>

namespace mccig {
class QueuedEventReader;
}

namespace mccig::embedded {

// Rows of `conversation_events`, written inside the caller's transaction. An
// event whose (tenant_id, channel, provider_message_id) is stored already is
// skipped, as on PostgreSQL.

// The columns in the order both functions bind them, for readers too.
inline constexpr const char* kEventColumns =
    "id, tenant_id, provider_message_id, channel, content, raw_metadata, created_at";

// How many of `events` were new.
Result<std::size_t> insertEvents(SqliteConnection& connection, const std::vector<ConversationEvent>& events);

// The events of queued messages, read from their text as queued (no
// ConversationEvent is built); an unreadable one is listed and not stored.
Result<QueuedStoreOutcome> insertQueuedEvents(SqliteConnection& connection, QueuedEventReader& reader,
                                              std::span<const QueuedMessage> messages);

} // namespace mccig::embedded
