#include "mccig/validation/message_validator.h"

#include "field_checks.h"
#include "message_document.h"
#include "mccig/core/time_format.h"
#include "mccig/domain/tenant_id.h"

#include <optional>

namespace mccig {
namespace {

using nlohmann::json;
using validation::FieldReader;

constexpr std::size_t kMaxMetadataBytes = 8 * 1024;
constexpr int kMaxMetadataDepth = 8;
constexpr std::size_t kMaxListItems = 10;

// Fields every channel shares; reads them into `message` and the metadata object.
void readCommonFields(FieldReader& fields, simdjson::dom::object body, ValidatedMessage& message)
{
    std::string_view providerMessageId;
    simdjson::dom::element value;
    if (body.at_key("providerMessageId").get(value) != simdjson::SUCCESS || value.is_null())
        fields.violation("providerMessageId", "is required");
    else if (value.get(providerMessageId) != simdjson::SUCCESS || !validation::isProviderMessageId(providerMessageId))
        fields.violation("providerMessageId", "must be 1-128 characters of A-Z a-z 0-9 . _ : -");
    else
        message.providerMessageId = providerMessageId;

    if (const auto tenant = fields.text("tenantId", false, 0, 64); tenant && !isValidTenantId(*tenant))
        fields.violation("tenantId", "must match ^[a-z0-9][a-z0-9_-]{0,63}$");
    if (const auto timestamp = fields.text("timestamp", false, 1, 64)) {
        if (parseRfc3339(*timestamp))
            message.rawMetadata["occurredAt"] = *timestamp;
        else
            fields.violation("timestamp", "must be an RFC 3339 date-time like 2026-01-31T12:00:00Z");
    }
    if (const auto metadata = fields.object("metadata", false)) {
        if (simdjson::minify(*metadata).size() > kMaxMetadataBytes)
            fields.violation("metadata", "must be at most 8 KiB when serialized");
        else if (validation::nestingDepth(*metadata) > kMaxMetadataDepth)
            fields.violation("metadata", "must be nested at most 8 levels deep");
        else
            message.rawMetadata["metadata"] = validation::toJson(*metadata);
    }
}

// Reads an array of URL strings ("media").
std::optional<json> readUrlList(FieldReader& fields, std::string_view key, std::vector<Violation>& violations)
{
    const auto list = fields.array(key, kMaxListItems);
    if (!list)
        return std::nullopt;
    json urls = json::array();
    std::size_t index = 0;
    for (const auto item : *list) {
        std::string_view url;
        if (item.get(url) != simdjson::SUCCESS || !validation::isHttpUrl(url))
            violations.push_back(
                {fields.pathOf(key) + "[" + std::to_string(index) + "]", "must be an http or https URL"});
        else
            urls.push_back(url);
        ++index;
    }
    return urls;
}

void validateSms(FieldReader& fields, ValidatedMessage& message, std::vector<Violation>& violations)
{
    fields.rejectUnknown({"providerMessageId", "tenantId", "timestamp", "metadata", "from", "to", "body", "media"});
    if (const auto from = fields.phoneNumber("from"))
        message.rawMetadata["from"] = *from;
    if (const auto to = fields.phoneNumber("to"))
        message.rawMetadata["to"] = *to;
    if (const auto body = fields.text("body", true, 1, 1600))
        message.content = *body;
    if (auto media = readUrlList(fields, "media", violations))
        message.rawMetadata["media"] = std::move(*media);
}

std::optional<json> readSender(FieldReader& fields, std::vector<Violation>& violations)
{
    const auto sender = fields.object("sender", true);
    if (!sender)
        return std::nullopt;
    FieldReader senderFields(*sender, fields.pathOf("sender"), violations);
    senderFields.rejectUnknown({"id", "name", "role"});
    json normalized = json::object();
    if (const auto id = senderFields.text("id", true, 1, 128))
        normalized["id"] = *id;
    if (const auto name = senderFields.text("name", false, 0, 256))
        normalized["name"] = *name;
    const auto role = senderFields.choice("role", false, {"customer", "agent", "bot"});
    normalized["role"] = role ? *role : std::string_view("customer");
    return normalized;
}

std::optional<json> readAttachments(FieldReader& fields, std::vector<Violation>& violations)
{
    const auto list = fields.array("attachments", kMaxListItems);
    if (!list)
        return std::nullopt;
    json normalized = json::array();
    std::size_t index = 0;
    for (const auto item : *list) {
        const std::string path = fields.pathOf("attachments") + "[" + std::to_string(index++) + "]";
        simdjson::dom::object object;
        if (item.get(object) != simdjson::SUCCESS) {
            violations.push_back({path, "must be an object"});
            continue;
        }
        FieldReader attachmentFields(object, path, violations);
        attachmentFields.rejectUnknown({"url", "contentType"});
        json attachment = json::object();
        if (const auto url = attachmentFields.url("url", true))
            attachment["url"] = *url;
        if (const auto type = attachmentFields.text("contentType", false, 1, 255))
            attachment["contentType"] = *type;
        normalized.push_back(std::move(attachment));
    }
    return normalized;
}

// "[1 attachment: image/png]", "[2 attachments: image/png, file]".
std::string attachmentSummary(const json& attachments)
{
    std::string types;
    for (const json& attachment : attachments) {
        if (!types.empty())
            types += ", ";
        types += attachment.value("contentType", std::string("file"));
    }
    const std::size_t count = attachments.size();
    return "[" + std::to_string(count) + (count == 1 ? " attachment: " : " attachments: ") + types + "]";
}

void validateChat(FieldReader& fields, ValidatedMessage& message, std::vector<Violation>& violations)
{
    fields.rejectUnknown(
        {"providerMessageId", "tenantId", "timestamp", "metadata", "conversationId", "sender", "text", "attachments"});
    if (const auto conversation = fields.text("conversationId", true, 1, 128))
        message.rawMetadata["conversationId"] = *conversation;
    if (auto sender = readSender(fields, violations))
        message.rawMetadata["sender"] = std::move(*sender);
    const auto attachments = readAttachments(fields, violations);
    const bool hasAttachments = attachments && !attachments->empty();
    if (hasAttachments)
        message.rawMetadata["attachments"] = *attachments;

    const auto text = fields.text("text", false, 0, 4096);
    if (text && !text->empty())
        message.content = *text;
    else if (hasAttachments)
        message.content = attachmentSummary(*attachments);
    else if (text || !fields.has("text"))
        fields.violation("text", "is required unless attachments is non-empty");
}

void validateVoice(FieldReader& fields, ValidatedMessage& message)
{
    fields.rejectUnknown({"providerMessageId", "tenantId", "timestamp", "metadata", "from", "to", "direction",
                          "status", "durationSeconds", "recordingUrl", "transcript"});
    if (const auto from = fields.phoneNumber("from"))
        message.rawMetadata["from"] = *from;
    if (const auto to = fields.phoneNumber("to"))
        message.rawMetadata["to"] = *to;
    if (const auto direction = fields.choice("direction", true, {"inbound", "outbound"}))
        message.rawMetadata["direction"] = *direction;
    const auto status = fields.choice("status", true, {"completed", "busy", "no-answer", "failed", "canceled"});
    if (status)
        message.rawMetadata["status"] = *status;
    const auto duration = fields.integer("durationSeconds", 0, 86400);
    if (duration)
        message.rawMetadata["durationSeconds"] = *duration;
    if (const auto recording = fields.url("recordingUrl", false))
        message.rawMetadata["recordingUrl"] = *recording;

    const auto transcript = fields.text("transcript", false, 0, 20000);
    if (transcript && !transcript->empty())
        message.content = *transcript;
    else if (status && duration)
        message.content = "[voice call " + std::string(*status) + " " + std::to_string(*duration) + "s]";
}

} // namespace

std::expected<ValidatedMessage, std::vector<Violation>> validateMessage(Channel channel, const MessageBody& body)
{
    std::vector<Violation> violations;
    if (const auto& path = body.document().oversizedNumberPath) {
        violations.push_back({*path, "is a number too large to store exactly"});
        return std::unexpected(std::move(violations));
    }
    simdjson::dom::object object;
    if (body.document().root.get(object) != simdjson::SUCCESS) {
        violations.push_back({"", "the body must be a JSON object"});
        return std::unexpected(std::move(violations));
    }
    // PostgreSQL stores no U+0000 in text or jsonb: accepting one would
    // accept a message that can never be stored.
    if (body.document().mayHoldNul)
        validation::rejectNul(object, "", violations);
    ValidatedMessage message;
    message.rawMetadata = json::object();
    FieldReader fields(object, "", violations);
    readCommonFields(fields, object, message);
    switch (channel) {
    case Channel::Sms: validateSms(fields, message, violations); break;
    case Channel::Chat: validateChat(fields, message, violations); break;
    case Channel::Voice: validateVoice(fields, message); break;
    }
    if (!violations.empty())
        return std::unexpected(std::move(violations));
    return message;
}

bool isValidProviderMessageId(std::string_view text) { return validation::isProviderMessageId(text); }

} // namespace mccig
