#pragma once

#include "mccig/validation/message_validator.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::validation {

// Unicode code points in UTF-8 text (the JSON parser has already rejected malformed UTF-8).
std::size_t codePointCount(std::string_view text);

bool isE164(std::string_view text);              // ^\+[1-9][0-9]{6,14}$
bool isProviderMessageId(std::string_view text); // 1-128 of [A-Za-z0-9._:-]
bool isHttpUrl(std::string_view text);           // http(s)://host[...] without whitespace
// An object or array counts one level.
int nestingDepth(simdjson::dom::element value);
int nestingDepth(simdjson::dom::object object);
// Records a violation for every key and string value under `object` that
// holds U+0000, each under its own path.
void rejectNul(simdjson::dom::object object, const std::string& path, std::vector<Violation>& violations);
// For the parts of a body an event keeps.
nlohmann::json toJson(simdjson::dom::element value);
nlohmann::json toJson(simdjson::dom::object object);

// Reads fields of one JSON object and records every broken rule under its path.
// A getter returns nothing when the field is absent (or null) or broken, so the
// caller can go on checking the remaining fields.
class FieldReader {
public:
    FieldReader(simdjson::dom::object object, std::string pathPrefix, std::vector<Violation>& violations);

    std::optional<std::string_view> text(std::string_view key, bool required, std::size_t minLength,
                                         std::size_t maxLength);
    std::optional<std::string_view> phoneNumber(std::string_view key);
    std::optional<std::string_view> choice(std::string_view key, bool required,
                                           std::initializer_list<std::string_view> allowed);
    std::optional<std::string_view> url(std::string_view key, bool required);
    std::optional<simdjson::dom::object> object(std::string_view key, bool required);
    std::optional<simdjson::dom::array> array(std::string_view key, std::size_t maxItems);
    std::optional<long long> integer(std::string_view key, long long min, long long max);
    // Whether the field is there and not null.
    bool has(std::string_view key) const;

    // Records every field that is not in `known`, or that appears twice, so
    // typos and ambiguous bodies are caught.
    void rejectUnknown(std::initializer_list<std::string_view> known);

    std::string pathOf(std::string_view key) const;
    void violation(std::string_view key, std::string message);

private:
    std::optional<simdjson::dom::element> present(std::string_view key, bool required);

    simdjson::dom::object m_object;
    std::string m_prefix;
    std::vector<Violation>& m_violations;
};

} // namespace mccig::validation
