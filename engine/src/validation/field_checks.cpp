#include "field_checks.h"

#include <algorithm>

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
    // Continuation bytes (10xxxxxx) do not start a code point.
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
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
    std::string_view rest;
    if (text.starts_with("https://"))
        rest = text.substr(8);
    else if (text.starts_with("http://"))
        rest = text.substr(7);
    else
        return false;
    const auto hostEnd = rest.find_first_of("/?#");
    if (rest.empty() || hostEnd == 0 || text.size() > 2048)
        return false;
    return std::none_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
}

int nestingDepth(const nlohmann::json& value)
{
    if (!value.is_structured())
        return 0;
    int deepest = 0;
    for (const auto& child : value)
        deepest = std::max(deepest, nestingDepth(child));
    return deepest + 1;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string pathPrefix, std::vector<Violation>& violations)
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

const nlohmann::json* FieldReader::present(std::string_view key, bool required)
{
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        if (required)
            violation(key, "is required");
        return nullptr;
    }
    return &*it;
}

const std::string* FieldReader::text(std::string_view key, bool required, std::size_t minLength,
                                     std::size_t maxLength)
{
    const nlohmann::json* value = present(key, required);
    if (!value)
        return nullptr;
    if (!value->is_string()) {
        violation(key, "must be a string");
        return nullptr;
    }
    const auto& text = value->get_ref<const std::string&>();
    const std::size_t length = codePointCount(text);
    if (length < minLength || length > maxLength) {
        violation(key, minLength > 0 ? "must be " + std::to_string(minLength) + "-" + std::to_string(maxLength)
                                           + " characters long"
                                     : "must be at most " + std::to_string(maxLength) + " characters long");
        return nullptr;
    }
    return &text;
}

const std::string* FieldReader::phoneNumber(std::string_view key)
{
    const std::string* number = text(key, true, 1, 64);
    if (number && !isE164(*number)) {
        violation(key, "must be an E.164 phone number like +14155550123");
        return nullptr;
    }
    return number;
}

const std::string* FieldReader::choice(std::string_view key, bool required,
                                       std::initializer_list<std::string_view> allowed)
{
    const std::string* value = text(key, required, 0, 64);
    if (value && std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        violation(key, "must be one of: " + joinChoices(allowed));
        return nullptr;
    }
    return value;
}

const std::string* FieldReader::url(std::string_view key, bool required)
{
    const std::string* value = text(key, required, 1, 2048);
    if (value && !isHttpUrl(*value)) {
        violation(key, "must be an http or https URL");
        return nullptr;
    }
    return value;
}

const nlohmann::json* FieldReader::object(std::string_view key, bool required)
{
    const nlohmann::json* value = present(key, required);
    if (value && !value->is_object()) {
        violation(key, "must be an object");
        return nullptr;
    }
    return value;
}

const nlohmann::json* FieldReader::array(std::string_view key, std::size_t maxItems)
{
    const nlohmann::json* value = present(key, false);
    if (!value)
        return nullptr;
    if (!value->is_array()) {
        violation(key, "must be an array");
        return nullptr;
    }
    if (value->size() > maxItems) {
        violation(key, "must have at most " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return value;
}

const nlohmann::json* FieldReader::integer(std::string_view key, long long min, long long max)
{
    const nlohmann::json* value = present(key, true);
    if (!value)
        return nullptr;
    const bool inRange = value->is_number_unsigned()   ? value->get<unsigned long long>() <= static_cast<unsigned long long>(max)
                         : value->is_number_integer() ? value->get<long long>() >= min && value->get<long long>() <= max
                                                      : false;
    if (!value->is_number_integer()) {
        violation(key, "must be an integer");
        return nullptr;
    }
    if (!inRange) {
        violation(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return nullptr;
    }
    return value;
}

void FieldReader::rejectUnknown(std::initializer_list<std::string_view> known)
{
    for (const auto& [key, value] : m_object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            violation(key, "is not a known field");
    }
}

} // namespace mccig::validation
