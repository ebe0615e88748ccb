#include "mccig/domain/conversation_event.h"

#include "mccig/core/json_string.h"
#include "mccig/core/time_format.h"
#include "mccig/core/uuid.h"

#include <string_view>

namespace mccig {
namespace {

Result<std::string> stringField(const nlohmann::json& json, const char* name)
{
    const auto it = json.find(name);
    if (it == json.end() || !it->is_string())
        return failure(ErrorKind::Rejected, std::string("event field ") + name + " is missing or not a string");
    return it->get<std::string>();
}

} // namespace

std::string toJsonText(const ConversationEvent& event)
{
    // Keys in the order nlohmann::json (a sorted map) writes them.
    std::string out;
    out.reserve(256 + event.content.size());
    out += "{\"channel\":";
    appendJsonString(out, channelName(event.channel));
    out += ",\"content\":";
    appendJsonString(out, event.content);
    out += ",\"createdAt\":";
    appendJsonString(out, formatUtc(event.createdAt));
    out += ",\"id\":";
    appendJsonString(out, event.id);
    out += ",\"providerMessageId\":";
    appendJsonString(out, event.providerMessageId);
    out += ",\"rawMetadata\":";
    appendJson(out, event.rawMetadata);
    out += ",\"tenantId\":";
    appendJsonString(out, event.tenantId);
    out.push_back('}');
    return out;
}

nlohmann::json toJson(const ConversationEvent& event)
{
    return nlohmann::json{
        {"id", event.id},
        {"tenantId", event.tenantId},
        {"providerMessageId", event.providerMessageId},
        {"channel", channelName(event.channel)},
        {"content", event.content},
        {"rawMetadata", event.rawMetadata},
        {"createdAt", formatUtc(event.createdAt)},
    };
}

Result<ConversationEvent> eventFromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return failure(ErrorKind::Rejected, "event is not a JSON object");
    ConversationEvent event;
    auto id = stringField(json, "id");
    auto tenant = stringField(json, "tenantId");
    auto providerMessageId = stringField(json, "providerMessageId");
    auto channel = stringField(json, "channel");
    auto content = stringField(json, "content");
    auto createdAt = stringField(json, "createdAt");
    for (const auto* field : {&id, &tenant, &providerMessageId, &channel, &content, &createdAt}) {
        if (!field->has_value())
            return std::unexpected(field->error());
    }
    const auto parsedChannel = parseChannel(*channel);
    const auto parsedTime = parseRfc3339(*createdAt);
    const auto metadata = json.find("rawMetadata");
    if (!isUuid(*id) || !parsedChannel || !parsedTime || metadata == json.end() || !metadata->is_object())
        return failure(ErrorKind::Rejected, "event has a malformed id, channel, createdAt or rawMetadata");

    event.id = std::move(*id);
    event.tenantId = std::move(*tenant);
    event.providerMessageId = std::move(*providerMessageId);
    event.channel = *parsedChannel;
    event.content = std::move(*content);
    event.rawMetadata = *metadata;
    event.createdAt = *parsedTime;
    return event;
}

} // namespace mccig
