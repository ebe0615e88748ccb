#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// Where a page of events ended: the last row's created_at (epoch µs) and id.
struct EventCursor {
    long long createdAtMicros = 0;
    std::string id;
};

// Opaque to clients (hex of "micros/id"); decode rejects anything not made by encode.
std::string encodeEventCursor(const EventCursor& cursor);
std::optional<EventCursor> decodeEventCursor(std::string_view text);

} // namespace mccig
