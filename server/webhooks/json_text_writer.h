#pragma once

#include <string>
#include <string_view>

namespace mccig::server {

// Writes JSON text value by value, for the ingest bodies a provider's
// delivery is mapped to: the validator parses text, and writing it directly
// costs a fraction of building a JSON tree and serialising it. Strings are
// written as nlohmann::json::dump() writes them (appendJsonString). The
// caller keeps the structure well formed: a key before each member's value.
class JsonTextWriter {
public:
    JsonTextWriter& beginObject();
    JsonTextWriter& endObject();
    JsonTextWriter& beginArray();
    JsonTextWriter& endArray();
    JsonTextWriter& key(std::string_view name);
    JsonTextWriter& string(std::string_view text);
    JsonTextWriter& integer(long long number);
    // `json` is already JSON text (a value copied from a parsed document).
    JsonTextWriter& raw(std::string_view json);

    // The text written so far; the writer is empty afterwards.
    std::string take();

private:
    // A comma before every value of a container but its first.
    void beforeValue();

    std::string m_text;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace mccig::server
