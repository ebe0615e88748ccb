#include "admin_client.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace mccig::sim {
namespace {

// Query values here are tenant ids and providerMessageIds, whose alphabets
// are already URL-safe; anything else is escaped anyway.
std::string encodeQueryValue(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

Result<std::int64_t> integerField(const nlohmann::json& json, const char* name)
{
    const auto field = json.find(name);
    if (field == json.end() || !field->is_number_integer())
        return failure(ErrorKind::Internal, std::string("admin answer has no integer \"") + name + '"');
    return field->get<std::int64_t>();
}

std::string stringField(const nlohmann::json& json, const char* name)
{
    const auto field = json.find(name);
    return field != json.end() && field->is_string() ? field->get<std::string>() : std::string();
}

} // namespace

AdminClient::AdminClient(TargetUrl target, std::string adminKey)
    : m_client(std::move(target))
    , m_adminKey(std::move(adminKey))
{
}

Result<nlohmann::json> AdminClient::getJson(const std::string& target)
{
    auto reply = m_client.get(target, m_adminKey);
    if (!reply)
        return std::unexpected(reply.error());
    if (reply->status == 401 || reply->status == 403 || reply->status == 404)
        return failure(ErrorKind::Rejected, "admin API refused " + target + " (HTTP " + std::to_string(reply->status) +
                                                "): wrong --admin-key, or the server runs without one");
    if (reply->status != 200)
        return failure(ErrorKind::Internal, "admin API answered " + target + " with HTTP " +
                                                std::to_string(reply->status));
    auto json = nlohmann::json::parse(reply->body, nullptr, false);
    if (!json.is_object())
        return failure(ErrorKind::Internal, "admin API answered " + target + " with something not a JSON object");
    return json;
}

Result<void> AdminClient::probe()
{
    auto json = getJson("/v1/admin/stats?window=1");
    if (!json)
        return std::unexpected(json.error());
    return {};
}

Result<std::int64_t> AdminClient::eventCount(const std::string& tenant, Channel channel,
                                             const std::string& providerMessageId)
{
    auto json = getJson("/v1/admin/events/count?tenantId=" + encodeQueryValue(tenant) +
                        "&channel=" + std::string(channelName(channel)) +
                        "&providerMessageId=" + encodeQueryValue(providerMessageId));
    if (!json)
        return std::unexpected(json.error());
    return integerField(*json, "count");
}

Result<std::int64_t> AdminClient::tenantEventCount(const std::string& tenant)
{
    auto json = getJson("/v1/admin/events/count?tenantId=" + encodeQueryValue(tenant));
    if (!json)
        return std::unexpected(json.error());
    return integerField(*json, "count");
}

Result<std::int64_t> AdminClient::queueDepth()
{
    auto json = getJson("/v1/admin/stats?window=1");
    if (!json)
        return std::unexpected(json.error());
    return integerField(*json, "queueDepth");
}

Result<std::vector<DeadLetter>> AdminClient::deadLetters(int limit)
{
    auto json = getJson("/v1/admin/dlq?limit=" + std::to_string(limit));
    if (!json)
        return std::unexpected(json.error());
    const auto items = json->find("items");
    if (items == json->end() || !items->is_array())
        return failure(ErrorKind::Internal, "admin DLQ answer has no \"items\" array");
    std::vector<DeadLetter> letters;
    for (const auto& item : *items) {
        if (!item.is_object())
            continue;
        DeadLetter letter;
        letter.id = stringField(item, "id");
        letter.lastError = stringField(item, "lastError");
        if (const auto attempts = item.find("attempts"); attempts != item.end() && attempts->is_number_integer())
            letter.attempts = attempts->get<int>();
        if (const auto event = item.find("event"); event != item.end() && event->is_object()) {
            letter.eventId = stringField(*event, "id");
            letter.tenant = stringField(*event, "tenantId");
            letter.providerMessageId = stringField(*event, "providerMessageId");
        }
        letters.push_back(std::move(letter));
    }
    return letters;
}

} // namespace mccig::sim
