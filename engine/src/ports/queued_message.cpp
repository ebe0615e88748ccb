#include "mccig/ports/event_queue.h"

#include "mccig/core/json_string.h"

namespace mccig {

std::optional<ConversationEvent> QueuedMessage::event() const
{
    const auto json = nlohmann::json::parse(eventText, nullptr, false);
    if (json.is_discarded())
        return std::nullopt;
    auto event = eventFromJson(json);
    if (!event)
        return std::nullopt;
    return std::move(*event);
}

nlohmann::json QueuedMessage::failures() const
{
    auto parsed = nlohmann::json::parse(failuresText, nullptr, false);
    return parsed.is_array() ? parsed : nlohmann::json::array();
}

void QueuedMessage::addFailure(nlohmann::json record)
{
    auto all = failures();
    all.push_back(std::move(record));
    failuresText = jsonText(all);
    attempts += 1;
}

} // namespace mccig
