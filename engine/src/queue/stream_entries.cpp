#include "stream_entries.h"

#include <charconv>

namespace mccig {
namespace {

QueuedMessage parseEntry(const RedisReply& entry)
{
    QueuedMessage message;
    message.entryId = entry.elements[0].text;
    const auto& fields = entry.elements[1].elements;
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        const std::string& name = fields[i].text;
        const std::string& value = fields[i + 1].text;
        if (name == "event") {
            message.eventText = value;
        } else if (name == "attempts") {
            std::from_chars(value.data(), value.data() + value.size(), message.attempts);
        } else if (name == "failures") {
            auto failures = nlohmann::json::parse(value, nullptr, false);
            if (failures.is_array())
                message.failures = std::move(failures);
        }
    }
    const auto json = nlohmann::json::parse(message.eventText, nullptr, false);
    if (!json.is_discarded()) {
        if (auto event = eventFromJson(json))
            message.event = std::move(*event);
    }
    return message;
}

} // namespace

std::vector<QueuedMessage> parseStreamEntries(const RedisReply& entries)
{
    std::vector<QueuedMessage> messages;
    if (!entries.isArray())
        return messages;
    messages.reserve(entries.elements.size());
    for (const auto& entry : entries.elements) {
        if (!entry.isArray() || entry.elements.size() < 2 || !entry.elements[1].isArray())
            continue;
        messages.push_back(parseEntry(entry));
    }
    return messages;
}

std::string retryMember(const QueuedMessage& message)
{
    return "{\"attempts\":" + std::to_string(message.attempts) + ",\"failures\":" + message.failures.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        + ",\"event\":" + message.eventText + "}";
}

std::string deadLetterEntry(const QueuedMessage& message, const std::string& id, const std::string& lastError,
                            const std::string& failedAt)
{
    auto event = nlohmann::json::parse(message.eventText, nullptr, false);
    if (event.is_discarded())
        event = message.eventText; // keep what arrived, even if it is not JSON
    const nlohmann::json entry{
        {"id", id},
        {"event", std::move(event)},
        {"attempts", message.attempts},
        {"lastError", lastError},
        {"failedAt", failedAt},
        {"failures", message.failures},
    };
    return entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace mccig
