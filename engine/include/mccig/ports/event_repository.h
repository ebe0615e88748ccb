#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/channel.h"
#include "mccig/domain/conversation_event.h"
#include "mccig/ports/event_queue.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mccig {

// Which stored events an admin query means; unset fields match everything.
struct EventFilter {
    std::optional<std::string> tenantId{};
    std::optional<Channel> channel{};
    std::optional<std::string> providerMessageId{};
};

inline constexpr int kDefaultEventPageSize = 50;
inline constexpr int kMaxEventPageSize = 500;

struct EventPageRequest {
    EventFilter filter{};
    int limit = kDefaultEventPageSize;   // 1..kMaxEventPageSize
    std::optional<std::string> before{}; // an opaque cursor from a previous page's `next`
};

struct EventPage {
    std::vector<ConversationEvent> items;  // newest first (createdAt, then id, descending)
    std::optional<std::string> next;       // cursor for the following page; empty on the last
};

// What storeQueued() did.
struct QueuedStoreOutcome {
    std::size_t stored = 0;              // rows that were new
    std::vector<std::size_t> unreadable; // positions (ascending) of messages whose text is no readable event
};

// Port: where normalized events are stored for good (API.md §4).
//
// A failure is an outage (ErrorKind::Unavailable / Timeout: the store is down,
// frozen or overloaded; nothing was written and nothing is the data's fault)
// or ErrorKind::Rejected (this data cannot be stored). A malformed cursor is
// ErrorKind::Rejected. Each instance is used by one thread at a time.
class EventRepository {
public:
    virtual ~EventRepository() = default;

    // Stores every event in one round trip and one transaction. An event whose
    // (tenantId, channel, providerMessageId) is stored already is skipped, so
    // storing the same batch twice is harmless. Returns how many rows were new.
    virtual Result<std::size_t> storeBatch(const std::vector<ConversationEvent>& events) = 0;

    // The same for messages as queued, from their eventText, without building
    // ConversationEvents (the worker's path). A message whose text is not a
    // readable event is not stored and is listed in `unreadable`; the others
    // are stored all or none, duplicates skipped.
    virtual Result<QueuedStoreOutcome> storeQueued(std::span<const QueuedMessage> messages) = 0;

    // Connects now (a worker reports its health before the first batch).
    virtual Result<void> ensureReady() = 0;

    virtual Result<EventPage> list(const EventPageRequest& request) = 0;
    virtual Result<long long> count(const EventFilter& filter) = 0;
};

} // namespace mccig
