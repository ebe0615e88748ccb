#include "queue_rows.h"

namespace mccig::embedded {

SqliteStatement& bindQueued(SqliteStatement& insert, const ConversationEvent& event,
                            std::optional<std::int64_t> expiresMs)
{
    insert.bind(1, toJsonText(event))
        .bind(2, event.tenantId)
        .bind(3, channelName(event.channel))
        .bind(4, event.providerMessageId)
        .bind(5, event.id);
    return expiresMs ? insert.bind(6, *expiresMs) : insert.bindNull(6);
}

} // namespace mccig::embedded
