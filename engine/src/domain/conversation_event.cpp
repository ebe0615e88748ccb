#include "mccig/domain/conversation_event.h"

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

// JSON string escaping as nlohmann::json::dump() does it (UTF-8 passes through).
// Runs of plain characters are copied whole: most text has nothing to escape.
void appendQuoted(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t plainFrom = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(text, plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out.push_back(kHex[(c >> 4) & 0x0F]);
            out.push_back(kHex[c & 0x0F]);
        }
    }
    out.append(text, plainFrom);
    out.push_back('"');
}

} // namespace

std::string toJsonText(const ConversationEvent& event)
{
    // Keys in the order nlohmann::json (a sorted map) writes them.
    std::string out;
    out.reserve(256 + event.content.size());
    out += "{\"channel\":";
    appendQuoted(out, channelName(event.channel));
    out += ",\"content\":";
    appendQuoted(out, event.content);
    out += ",\"createdAt\":";
    appendQuoted(out, formatUtc(event.createdAt));
    out += ",\"id\":";
    appendQuoted(out, event.id);
    out += ",\"providerMessageId\":";
    appendQuoted(out, event.providerMessageId);
    out += ",\"rawMetadata\":";
    out += event.rawMetadata.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ",\"tenantId\":";
    appendQuoted(out, event.tenantId);
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
