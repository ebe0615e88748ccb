#include "field_checks.h"

#include "mccig/core/ascii_case.h"
#include "mccig/core/byte_words.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace mccig::validation {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string joinChoices(std::initializer_list<std::string_view> allowed)
{
    std::string joined;
    for (std::string_view choice : allowed) {
        if (!joined.empty())
            joined += ", ";
        joined += choice;
    }
    return joined;
}

} // namespace

std::size_t codePointCount(std::string_view text)
{
    // Continuation bytes (10xxxxxx) do not start a code point. Eight bytes at a
    // time: a byte's top bit set and the next bit clear marks one.
    std::size_t continuation = 0;
    std::size_t at = 0;
    for (; at + sizeof(std::uint64_t) <= text.size(); at += sizeof(std::uint64_t)) {
        const std::uint64_t word = wordAt(text.data() + at);
        continuation += static_cast<std::size_t>(std::popcount(word & ~(word << 1) & kEachByteTopBit));
    }
    for (; at < text.size(); ++at)
        continuation += (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80 ? 1 : 0;
    return text.size() - continuation;
}

bool isE164(std::string_view text)
{
    if (text.size() < 8 || text.size() > 16 || text[0] != '+' || text[1] < '1' || text[1] > '9')
        return false;
    return std::all_of(text.begin() + 2, text.end(), isDigit);
}

bool isProviderMessageId(std::string_view text)
{
    if (text.empty() || text.size() > 128)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == ':'
               || c == '-';
    });
}

bool isHttpUrl(std::string_view text)
{
    // The scheme is case-insensitive (RFC 3986 3.1): HTTPS://x is https://x.
    const auto separator = text.find("://");
    const std::string_view scheme = text.substr(0, separator);
    if (separator == std::string_view::npos
        || (!equalsIgnoringCase(scheme, "http") && !equalsIgnoringCase(scheme, "https")) || text.size() > 2048)
        return false;
    // The authority: [userinfo@]host[:port], and the host must not be empty.
    std::string_view authority = text.substr(separator + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    if (authority.empty() || authority.front() == ':')
        return false;
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
}

int nestingDepth(simdjson::dom::object object)
{
    int deepest = 0;
    for (const auto field : object)
        deepest = std::max(deepest, nestingDepth(field.value));
    return deepest + 1;
}

int nestingDepth(simdjson::dom::element value)
{
    if (simdjson::dom::object object; value.get(object) == simdjson::SUCCESS)
        return nestingDepth(object);
    if (simdjson::dom::array array; value.get(array) == simdjson::SUCCESS) {
        int deepest = 0;
        for (const auto item : array)
            deepest = std::max(deepest, nestingDepth(item));
        return deepest + 1;
    }
    return 0;
}

namespace {

constexpr std::string_view kNulMessage = "must not contain U+0000";

bool holdsNul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

std::string memberPath(const std::string& parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

void rejectNulIn(simdjson::dom::element value, const std::string& path, std::vector<Violation>& violations)
{
    if (simdjson::dom::object object; value.get(object) == simdjson::SUCCESS) {
        rejectNul(object, path, violations);
    } else if (simdjson::dom::array array; value.get(array) == simdjson::SUCCESS) {
        std::size_t index = 0;
        for (const auto item : array)
            rejectNulIn(item, path + "[" + std::to_string(index++) + "]", violations);
    } else if (std::string_view text; value.get(text) == simdjson::SUCCESS && holdsNul(text)) {
        violations.push_back({path, std::string(kNulMessage)});
    }
}

} // namespace

void rejectNul(simdjson::dom::object object, const std::string& path, std::vector<Violation>& violations)
{
    for (const auto field : object) {
        const std::string fieldPath = memberPath(path, field.key);
        if (holdsNul(field.key))
            violations.push_back({fieldPath, "is a key that " + std::string(kNulMessage)});
        rejectNulIn(field.value, fieldPath, violations);
    }
}

nlohmann::json toJson(simdjson::dom::object object)
{
    nlohmann::json converted = nlohmann::json::object();
    for (const auto field : object)
        converted[std::string(field.key)] = toJson(field.value);
    return converted;
}

nlohmann::json toJson(simdjson::dom::element value)
{
    using simdjson::dom::element_type;
    switch (value.type()) {
    case element_type::OBJECT: return toJson(simdjson::dom::object(value));
    case element_type::ARRAY: {
        nlohmann::json array = nlohmann::json::array();
        for (const auto item : simdjson::dom::array(value))
            array.push_back(toJson(item));
        return array;
    }
    case element_type::STRING: return std::string(std::string_view(value));
    case element_type::INT64: return std::int64_t(value);
    case element_type::UINT64: return std::uint64_t(value);
    case element_type::DOUBLE: return double(value);
    case element_type::BOOL: return bool(value);
    case element_type::NULL_VALUE: return nullptr;
    }
    return nullptr;
}

FieldReader::FieldReader(simdjson::dom::object object, std::string pathPrefix, std::vector<Violation>& violations)
    : m_object(object), m_prefix(std::move(pathPrefix)), m_violations(violations)
{
}

std::string FieldReader::pathOf(std::string_view key) const
{
    return m_prefix.empty() ? std::string(key) : m_prefix + "." + std::string(key);
}

void FieldReader::violation(std::string_view key, std::string message)
{
    m_violations.push_back({pathOf(key), std::move(message)});
}

std::optional<simdjson::dom::element> FieldReader::present(std::string_view key, bool required)
{
    simdjson::dom::element value;
    if (m_object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
        if (required)
            violation(key, "is required");
        return std::nullopt;
    }
    return value;
}

bool FieldReader::has(std::string_view key) const
{
    simdjson::dom::element value;
    return m_object.at_key(key).get(value) == simdjson::SUCCESS && !value.is_null();
}

std::optional<std::string_view> FieldReader::text(std::string_view key, bool required, std::size_t minLength,
                                                  std::size_t maxLength)
{
    const auto value = present(key, required);
    if (!value)
        return std::nullopt;
    std::string_view text;
    if (value->get(text) != simdjson::SUCCESS) {
        violation(key, "must be a string");
        return std::nullopt;
    }
    const std::size_t length = codePointCount(text);
    if (length < minLength || length > maxLength) {
        violation(key, minLength > 0 ? "must be " + std::to_string(minLength) + "-" + std::to_string(maxLength)
                                           + " characters long"
                                     : "must be at most " + std::to_string(maxLength) + " characters long");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string_view> FieldReader::phoneNumber(std::string_view key)
{
    const auto number = text(key, true, 1, 64);
    if (number && !isE164(*number)) {
        violation(key, "must be an E.164 phone number like +14155550123");
        return std::nullopt;
    }
    return number;
}

std::optional<std::string_view> FieldReader::choice(std::string_view key, bool required,
                                                    std::initializer_list<std::string_view> allowed)
{
    const auto value = text(key, required, 0, 64);
    if (value && std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        violation(key, "must be one of: " + joinChoices(allowed));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> FieldReader::url(std::string_view key, bool required)
{
    const auto value = text(key, required, 1, 2048);
    if (value && !isHttpUrl(*value)) {
        violation(key, "must be an http or https URL");
        return std::nullopt;
    }
    return value;
}

std::optional<simdjson::dom::object> FieldReader::object(std::string_view key, bool required)
{
    const auto value = present(key, required);
    if (!value)
        return std::nullopt;
    simdjson::dom::object object;
    if (value->get(object) != simdjson::SUCCESS) {
        violation(key, "must be an object");
        return std::nullopt;
    }
    return object;
}

std::optional<simdjson::dom::array> FieldReader::array(std::string_view key, std::size_t maxItems)
{
    const auto value = present(key, false);
    if (!value)
        return std::nullopt;
    simdjson::dom::array array;
    if (value->get(array) != simdjson::SUCCESS) {
        violation(key, "must be an array");
        return std::nullopt;
    }
    if (array.size() > maxItems) {
        violation(key, "must have at most " + std::to_string(maxItems) + " items");
        return std::nullopt;
    }
    return array;
}

std::optional<long long> FieldReader::integer(std::string_view key, long long min, long long max)
{
    const auto value = present(key, true);
    if (!value)
        return std::nullopt;
    std::int64_t number = 0;
    bool inRange = true;
    if (double real = 0; value->is_double() && value->get(real) == simdjson::SUCCESS) {
        // JSON has one kind of number: 10.0 and 1e1 are the integer 10, as JSON Schema's "integer" says.
        if (std::trunc(real) != real) {
            violation(key, "must be an integer");
            return std::nullopt;
        }
        // 2^63 bounds what converts to int64 (a double near LLONG_MAX rounds up to it).
        inRange = real >= -0x1p63 && real < 0x1p63;
        number = inRange ? static_cast<std::int64_t>(real) : 0;
    } else if (!value->is_int64() && !value->is_uint64()) {
        violation(key, "must be an integer");
        return std::nullopt;
    } else {
        inRange = value->get(number) == simdjson::SUCCESS; // false for a uint64 beyond int64
    }
    if (!inRange || number < min || number > max) {
        violation(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

void FieldReader::rejectUnknown(std::initializer_list<std::string_view> known)
{
    std::vector<std::string_view> seen;
    for (const auto field : m_object) {
        if (std::find(known.begin(), known.end(), field.key) == known.end())
            violation(field.key, "is not a known field");
        else if (std::find(seen.begin(), seen.end(), field.key) != seen.end())
            violation(field.key, "appears more than once");
        seen.push_back(field.key);
    }
}

} // namespace mccig::validation
