#include "webhooks/whatsapp_payload.h"

#include "mccig/core/time_format.h"
#include "webhooks/provider_message_id.h"

#include <charconv>
#include <chrono>
#include <optional>

namespace mccig::server {
namespace {

using Json = nlohmann::json;

std::optional<std::string> text(const Json& object, const char* name)
{
    if (!object.is_object() || !object.contains(name) || !object[name].is_string())
        return std::nullopt;
    return object[name].get<std::string>();
}

const Json& arrayOf(const Json& object, const char* name)
{
    static const Json kEmpty = Json::array();
    if (!object.is_object() || !object.contains(name) || !object[name].is_array())
        return kEmpty;
    return object[name];
}

// WhatsApp writes numbers without their "+".
std::string withPlus(const std::string& number) { return number.starts_with('+') ? number : "+" + number; }

std::optional<std::string> rfc3339(const std::optional<std::string>& epochSeconds)
{
    long long seconds = 0;
    if (!epochSeconds
        || std::from_chars(epochSeconds->data(), epochSeconds->data() + epochSeconds->size(), seconds).ec
               != std::errc{})
        return std::nullopt;
    return formatUtc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

std::optional<std::string> profileName(const Json& value, const std::string& waId)
{
    for (const auto& contact : arrayOf(value, "contacts")) {
        if (text(contact, "wa_id") == waId && contact.contains("profile"))
            return text(contact["profile"], "name");
    }
    return std::nullopt;
}

std::string messageText(const Json& message, const std::string& type)
{
    if (type == "text" && message.contains("text"))
        if (auto body = text(message["text"], "body"))
            return *body;
    if (message.contains(type))
        if (auto caption = text(message[type], "caption"))
            return *caption;
    return "[whatsapp " + type + "]";
}

std::expected<Json, std::string> chatBody(const Json& value, const Json& message)
{
    const auto wamid = text(message, "id");
    const auto from = text(message, "from");
    if (!wamid || !from)
        return std::unexpected(std::string("a WhatsApp message has no id or no from"));
    const std::string type = text(message, "type").value_or("unknown");
    const std::string customer = withPlus(*from);
    Json sender{{"id", customer}, {"role", "customer"}};
    if (const auto name = profileName(value, *from))
        sender["name"] = *name;
    Json whatsapp{{"wamid", *wamid}, {"type", type}};
    if (value.contains("metadata")) {
        if (const auto phoneNumberId = text(value["metadata"], "phone_number_id"))
            whatsapp["phoneNumberId"] = *phoneNumberId;
        if (const auto business = text(value["metadata"], "display_phone_number"))
            whatsapp["businessNumber"] = withPlus(*business);
    }
    if (type != "text" && message.contains(type) && message[type].is_object())
        whatsapp[type] = message[type];
    Json body{{"providerMessageId", providerMessageIdFrom(*wamid)},
              {"conversationId", customer},
              {"sender", std::move(sender)},
              {"text", messageText(message, type)},
              {"metadata", {{"whatsapp", std::move(whatsapp)}}}};
    if (const auto sent = rfc3339(text(message, "timestamp")))
        body["timestamp"] = *sent;
    return body;
}

} // namespace

std::expected<WhatsAppBatch, std::string> parseWhatsAppBatch(std::string_view body)
{
    const auto json = Json::parse(body, nullptr, false);
    if (json.is_discarded())
        return std::unexpected(std::string("the body is not JSON"));
    if (text(json, "object") != "whatsapp_business_account")
        return std::unexpected(std::string("the body is not a WhatsApp Business Account delivery "
                                           "(\"object\" must be \"whatsapp_business_account\")"));
    WhatsAppBatch batch;
    for (const auto& entry : arrayOf(json, "entry")) {
        for (const auto& change : arrayOf(entry, "changes")) {
            if (!change.is_object() || !change.contains("value"))
                continue;
            const auto& value = change["value"];
            batch.statuses += arrayOf(value, "statuses").size();
            for (const auto& message : arrayOf(value, "messages")) {
                auto chat = chatBody(value, message);
                if (!chat)
                    return std::unexpected(chat.error());
                batch.messages.push_back(std::move(*chat));
            }
        }
    }
    return batch;
}

} // namespace mccig::server
