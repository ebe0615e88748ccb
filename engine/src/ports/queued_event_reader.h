#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/channel.h"

#include <memory>
#include <string>
#include <string_view>

namespace mccig {

// The columns of an event's stored row, as read from its JSON as queued.
// The text fields point into the reader that read them and stay valid until
// its next read().
struct StorableEvent {
    std::string_view id;
    std::string_view tenantId;
    std::string_view providerMessageId;
    Channel channel = Channel::Sms;
    std::string_view content;
    std::string_view rawMetadata; // the object's JSON text as queued: checked, not re-encoded
    std::string createdAt;        // as stored: UTC with microseconds
};

// Reads an event's JSON as queued (API.md §4) into the columns a backend
// stores, for the worker's store path. It accepts exactly what
// eventFromJson() accepts, but builds no ConversationEvent and no JSON tree,
// which is most of what storing would otherwise cost per event.
// Holds reusable parser buffers: one instance per thread.
class QueuedEventReader {
public:
    QueuedEventReader();
    ~QueuedEventReader();
    QueuedEventReader(const QueuedEventReader&) = delete;
    QueuedEventReader& operator=(const QueuedEventReader&) = delete;

    // Fails (Rejected) when `eventJson` is not a readable event.
    Result<StorableEvent> read(std::string_view eventJson);

private:
    struct Parsers;
    std::unique_ptr<Parsers> m_parsers; // keeps simdjson out of this header
};

} // namespace mccig
