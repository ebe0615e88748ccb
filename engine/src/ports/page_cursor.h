#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// Where a page of an admin listing ended: the last item's sort key and id
// (events: created_at in epoch µs; dead letters: failure time in epoch ms).
struct PageCursor {
    long long position = 0;
    std::string id;
};

// Opaque to clients (hex of "position/id"); decode rejects anything not made by encode.
std::string encodePageCursor(const PageCursor& cursor);
std::optional<PageCursor> decodePageCursor(std::string_view text);

} // namespace mccig
