#include "stream_entries.h"

#include "mccig/core/json_string.h"

namespace mccig {

std::string retryMember(const QueuedMessage& message)
{
    return "{\"attempts\":" + std::to_string(message.attempts) + ",\"failures\":" + jsonText(message.failures())
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
        {"failures", message.failures()},
    };
    return jsonText(entry);
}

} // namespace mccig
