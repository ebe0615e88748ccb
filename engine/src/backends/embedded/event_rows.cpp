#include "event_rows.h"

#include "ports/queued_event_reader.h"

#include "mccig/core/json_string.h"
#include "mccig/core/time_format.h"

namespace mccig::embedded {
namespace {

const std::string kInsertEvent = std::string("INSERT OR IGNORE INTO conversation_events (") + kEventColumns
                                 + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

} // namespace

Result<std::size_t> insertEvents(SqliteConnection& connection, const std::vector<ConversationEvent>& events)
{
    auto statement = connection.prepare(kInsertEvent);
    if (!statement)
        return std::unexpected(statement.error());
    std::size_t added = 0;
    for (const auto& event : events) {
        auto done = statement->bind(1, event.id)
                        .bind(2, event.tenantId)
                        .bind(3, event.providerMessageId)
                        .bind(4, channelName(event.channel))
                        .bind(5, event.content)
                        .bind(6, jsonText(event.rawMetadata))
                        .bind(7, formatUtc(event.createdAt))
                        .run();
        if (!done)
            return std::unexpected(done.error());
        added += static_cast<std::size_t>(connection.changes());
    }
    return added;
}

Result<QueuedStoreOutcome> insertQueuedEvents(SqliteConnection& connection, QueuedEventReader& reader,
                                              std::span<const QueuedMessage> messages)
{
    auto statement = connection.prepare(kInsertEvent);
    if (!statement)
        return std::unexpected(statement.error());
    QueuedStoreOutcome outcome;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto event = reader.read(messages[i].eventText);
        if (!event) {
            outcome.unreadable.push_back(i);
            continue;
        }
        auto done = statement->bind(1, event->id)
                        .bind(2, event->tenantId)
                        .bind(3, event->providerMessageId)
                        .bind(4, channelName(event->channel))
                        .bind(5, event->content)
                        .bind(6, event->rawMetadata)
                        .bind(7, event->createdAt)
                        .run();
        if (!done)
            return std::unexpected(done.error());
        outcome.stored += static_cast<std::size_t>(connection.changes());
    }
    return outcome;
}

} // namespace mccig::embedded
