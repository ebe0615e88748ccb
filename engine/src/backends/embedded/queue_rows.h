#pragma once

#include "sqlite_connection.h"

#include "mccig/domain/conversation_event.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mccig::embedded {

// A message's row in `queue`: its text as admitted, and its idempotency key
// with the end of its dedupe window, so that an admission finds the key while
// the message waits (decision 17).
// The columns a queued message is written with, in kInsertQueued's order;
// a dead letter's columns of the same names are copied back on replay.
inline constexpr const char* kQueuedColumns = "event, tenant_id, channel, provider_message_id, event_id, expires_ms";
inline const std::string kInsertQueued =
    std::string("INSERT INTO queue (") + kQueuedColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

// Binds `event` to kInsertQueued. `expiresMs` is none for an event queued
// without an admission (it holds its key for no window).
SqliteStatement& bindQueued(SqliteStatement& insert, const ConversationEvent& event,
                            std::optional<std::int64_t> expiresMs);

} // namespace mccig::embedded
