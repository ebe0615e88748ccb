#include "stream_entries.h"

#include <charconv>

namespace mccig {
namespace {

StreamEntry takeEntry(RedisReply& entry)
{
    StreamEntry taken;
    taken.id = std::move(entry.elements[0].text);
    auto& fields = entry.elements[1].elements;
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        const std::string& name = fields[i].text;
        std::string& value = fields[i + 1].text;
        if (name == "event")
            taken.event = std::move(value);
        else if (name == "attempts")
            std::from_chars(value.data(), value.data() + value.size(), taken.attempts);
        else if (name == "failures")
            taken.failures = std::move(value);
    }
    return taken;
}

} // namespace

std::vector<StreamEntry> takeStreamEntries(RedisReply& entries)
{
    std::vector<StreamEntry> taken;
    if (!entries.isArray())
        return taken;
    taken.reserve(entries.elements.size());
    for (auto& entry : entries.elements) {
        if (!entry.isArray() || entry.elements.size() < 2 || !entry.elements[1].isArray())
            continue;
        taken.push_back(takeEntry(entry));
    }
    return taken;
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
