#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/channel.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace mccig {

// The normalized form of every inbound message, whatever its channel
// (API.md §4). This is what travels through the queue and what is stored.
struct ConversationEvent {
    std::string id;
    std::string tenantId;
    std::string providerMessageId;
    Channel channel = Channel::Sms;
    std::string content;
    nlohmann::json rawMetadata = nlohmann::json::object();
    std::chrono::system_clock::time_point createdAt;
};

// The JSON of API.md §4 (camelCase keys, createdAt in RFC 3339 UTC). It is the
// queue's wire format and the admin API's representation.
nlohmann::json toJson(const ConversationEvent& event);
// The same JSON as toJson(event).dump(), written straight into a string: the
// ingest hot path serializes every event and need not build a JSON tree first.
std::string toJsonText(const ConversationEvent& event);
Result<ConversationEvent> eventFromJson(const nlohmann::json& json);

} // namespace mccig
