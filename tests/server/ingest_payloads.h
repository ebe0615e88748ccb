#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace mccig::test {

// Minimal valid payloads of each channel (API.md §3).
inline nlohmann::json smsPayload(const std::string& providerMessageId)
{
    return {{"providerMessageId", providerMessageId}, {"from", "+14155550100"}, {"to", "+14155550101"},
            {"body", "hello"}};
}

inline nlohmann::json chatPayload(const std::string& providerMessageId)
{
    return {{"providerMessageId", providerMessageId}, {"conversationId", "conv-1"},
            {"sender", {{"id", "user-1"}, {"role", "customer"}}}, {"text", "hi there"}};
}

inline nlohmann::json voicePayload(const std::string& providerMessageId)
{
    return {{"providerMessageId", providerMessageId}, {"from", "+14155550100"}, {"to", "+14155550101"},
            {"direction", "inbound"}, {"status", "completed"}, {"durationSeconds", 42}};
}

} // namespace mccig::test
