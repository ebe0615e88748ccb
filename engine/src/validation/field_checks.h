#pragma once

#include "mccig/validation/message_validator.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mccig::validation {

// Unicode code points in UTF-8 text (the JSON parser has already rejected malformed UTF-8).
std::size_t codePointCount(std::string_view text);

bool isE164(std::string_view text);                // ^\+[1-9][0-9]{6,14}$
bool isProviderMessageId(std::string_view text);   // 1-128 of [A-Za-z0-9._:-]
bool isHttpUrl(std::string_view text);             // http(s)://host[...] without whitespace
int nestingDepth(const nlohmann::json& value);     // an object or array counts one level

// Reads fields of one JSON object and records every broken rule under its path.
// A getter returns nullptr when the field is absent (or null) or broken, so the
// caller can go on checking the remaining fields.
class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::string pathPrefix, std::vector<Violation>& violations);

    const std::string* text(std::string_view key, bool required, std::size_t minLength, std::size_t maxLength);
    const std::string* phoneNumber(std::string_view key);
    const std::string* choice(std::string_view key, bool required, std::initializer_list<std::string_view> allowed);
    const std::string* url(std::string_view key, bool required);
    const nlohmann::json* object(std::string_view key, bool required);
    const nlohmann::json* array(std::string_view key, std::size_t maxItems);
    const nlohmann::json* integer(std::string_view key, long long min, long long max);

    // Records every field that is not in `known`, so typos are caught.
    void rejectUnknown(std::initializer_list<std::string_view> known);

    std::string pathOf(std::string_view key) const;
    void violation(std::string_view key, std::string message);

private:
    const nlohmann::json* present(std::string_view key, bool required);

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::vector<Violation>& m_violations;
};

} // namespace mccig::validation
