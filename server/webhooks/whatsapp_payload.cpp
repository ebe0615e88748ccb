#include "webhooks/whatsapp_payload.h"

#include "mccig/core/json_string.h"
#include "mccig/core/time_format.h"
#include "webhooks/json_text_writer.h"
#include "webhooks/provider_message_id.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <utility>

namespace mccig::server {
namespace {

using simdjson::dom::element;

std::optional<std::string_view> text(element object, std::string_view name)
{
    std::string_view value;
    if (object[name].get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

using Refusal = std::unexpected<WhatsAppBatchError>;

Refusal notADelivery(std::string what)
{
    return Refusal(WhatsAppBatchError{WhatsAppBatchError::Kind::NotADelivery, std::move(what)});
}

// The array `name` of `object`: nothing when it is missing (or null), a
// refusal when it is something else.
std::expected<std::optional<simdjson::dom::array>, WhatsAppBatchError> listOf(element object, std::string_view name)
{
    element member;
    if (object[name].get(member) != simdjson::SUCCESS || member.is_null())
        return std::nullopt;
    simdjson::dom::array array;
    if (member.get(array) != simdjson::SUCCESS)
        return notADelivery("\"" + std::string(name) + "\" must be an array");
    return array;
}

// WhatsApp writes numbers without their "+".
std::string withPlus(std::string_view number)
{
    std::string text;
    text.reserve(number.size() + 1);
    if (!number.starts_with('+'))
        text.push_back('+');
    return text.append(number);
}

std::optional<std::string> rfc3339(std::optional<std::string_view> epochSeconds)
{
    long long seconds = 0;
    if (!epochSeconds
        || std::from_chars(epochSeconds->data(), epochSeconds->data() + epochSeconds->size(), seconds).ec
               != std::errc{})
        return std::nullopt;
    return formatUtc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

std::optional<std::string_view> profileName(element value, std::string_view waId)
{
    const auto contacts = listOf(value, "contacts");
    if (!contacts || !*contacts)
        return std::nullopt;
    for (const element contact : **contacts) {
        element profile;
        if (text(contact, "wa_id") == waId && contact["profile"].get(profile) == simdjson::SUCCESS)
            return text(profile, "name");
    }
    return std::nullopt;
}

std::string messageText(element message, std::string_view type)
{
    element part;
    if (type == "text" && message["text"].get(part) == simdjson::SUCCESS)
        if (auto body = text(part, "body"))
            return std::string(*body);
    if (message[type].get(part) == simdjson::SUCCESS)
        if (auto caption = text(part, "caption"))
            return std::string(*caption);
    return "[whatsapp " + std::string(type) + "]";
}

std::string jsonString(std::string_view text)
{
    std::string json;
    appendJsonString(json, text);
    return json;
}

// metadata.whatsapp's members as JSON texts, sorted by name as a JSON object
// keeps them; the media object named after the type replaces a member of that name.
std::vector<std::pair<std::string_view, std::string>> whatsappMembers(element value, element message,
                                                                      std::string_view wamid, std::string_view type)
{
    std::vector<std::pair<std::string_view, std::string>> members{{"type", jsonString(type)},
                                                                  {"wamid", jsonString(wamid)}};
    if (element metadata; value["metadata"].get(metadata) == simdjson::SUCCESS) {
        if (const auto phoneNumberId = text(metadata, "phone_number_id"))
            members.emplace_back("phoneNumberId", jsonString(*phoneNumberId));
        if (const auto business = text(metadata, "display_phone_number"))
            members.emplace_back("businessNumber", jsonString(withPlus(*business)));
    }
    simdjson::dom::object media;
    if (type != "text" && message[type].get(media) == simdjson::SUCCESS) {
        std::erase_if(members, [&](const auto& member) { return member.first == type; });
        members.emplace_back(type, simdjson::minify(media));
    }
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return members;
}

std::expected<std::string, std::string> chatBody(element value, element message)
{
    const auto wamid = text(message, "id");
    const auto from = text(message, "from");
    if (!wamid || !from)
        return std::unexpected(std::string("a WhatsApp message has no id or no from"));
    const std::string_view type = text(message, "type").value_or("unknown");
    const std::string customer = withPlus(*from);
    const auto name = profileName(value, *from);
    const auto sent = rfc3339(text(message, "timestamp"));
    // Keys in the order a JSON object (a sorted map) writes them.
    JsonTextWriter json;
    json.beginObject().key("conversationId").string(customer);
    json.key("metadata").beginObject().key("whatsapp").beginObject();
    for (const auto& [member, memberJson] : whatsappMembers(value, message, *wamid, type))
        json.key(member).raw(memberJson);
    json.endObject().endObject();
    json.key("providerMessageId").string(providerMessageIdFrom(*wamid));
    json.key("sender").beginObject().key("id").string(customer);
    if (name)
        json.key("name").string(*name);
    json.key("role").string("customer").endObject();
    json.key("text").string(messageText(message, type));
    if (sent)
        json.key("timestamp").string(*sent);
    return json.endObject().take();
}

// The delivery's tree, in the parser. What simdjson refuses and nlohmann
// takes (a number beyond 64 bits, 2^64, which nlohmann reads as a double) is
// taken as nlohmann writes it again, so the same deliveries are JSON as before.
simdjson::error_code parseDelivery(simdjson::dom::parser& parser, std::string_view body, element& root)
{
    const auto error = parser.parse(body.data(), body.size()).get(root);
    if (error == simdjson::SUCCESS)
        return error;
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded())
        return error;
    const std::string normalized = json.dump();
    return parser.parse(normalized).get(root);
}

// Adds one change's statuses and messages to `batch`; a message that cannot be mapped is an error.
std::expected<void, WhatsAppBatchError> readChange(element value, WhatsAppBatch& batch)
{
    const auto statuses = listOf(value, "statuses");
    const auto messages = listOf(value, "messages");
    if (!statuses || !messages)
        return std::unexpected(!statuses ? statuses.error() : messages.error());
    if (*statuses)
        batch.statuses += (*statuses)->size();
    if (!*messages)
        return {};
    for (const element message : **messages) {
        auto chat = chatBody(value, message);
        if (!chat)
            return notADelivery(chat.error());
        batch.messages.push_back(std::move(*chat));
    }
    return {};
}

} // namespace

std::expected<WhatsAppBatch, WhatsAppBatchError> parseWhatsAppBatch(std::string_view body)
{
    // One parser per thread: its buffers serve every delivery after the first.
    thread_local simdjson::dom::parser parser;
    element json;
    if (parseDelivery(parser, body, json) != simdjson::SUCCESS)
        return Refusal(WhatsAppBatchError{WhatsAppBatchError::Kind::NotJson, "the body is not JSON"});
    if (text(json, "object") != "whatsapp_business_account")
        return notADelivery("the body is not a WhatsApp Business Account delivery "
                            "(\"object\" must be \"whatsapp_business_account\")");
    const auto entries = listOf(json, "entry");
    if (!entries)
        return std::unexpected(entries.error());
    if (!*entries)
        return notADelivery("the delivery has no \"entry\" array");
    WhatsAppBatch batch;
    for (const element entry : **entries) {
        if (!entry.is_object())
            return notADelivery("each of \"entry\" must be an object");
        const auto changes = listOf(entry, "changes");
        if (!changes)
            return std::unexpected(changes.error());
        if (!*changes)
            continue;
        for (const element change : **changes) {
            element value;
            if (!change.is_object())
                return notADelivery("each of \"changes\" must be an object");
            if (change["value"].get(value) != simdjson::SUCCESS || value.is_null())
                continue;
            if (!value.is_object())
                return notADelivery("a change's \"value\" must be an object");
            if (auto read = readChange(value, batch); !read)
                return std::unexpected(read.error());
        }
    }
    return batch;
}

} // namespace mccig::server
