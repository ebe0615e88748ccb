#include "mccig/queue/stream_entry.h"

namespace mccig {

QueuedMessage toQueuedMessage(StreamEntry entry)
{
    QueuedMessage message;
    message.entryId = std::move(entry.id);
    message.attempts = entry.attempts;
    auto failures = nlohmann::json::parse(entry.failures, nullptr, false);
    if (failures.is_array())
        message.failures = std::move(failures);
    const auto json = nlohmann::json::parse(entry.event, nullptr, false);
    if (!json.is_discarded()) {
        if (auto event = eventFromJson(json))
            message.event = std::move(*event);
    }
    message.eventText = std::move(entry.event);
    return message;
}

} // namespace mccig
