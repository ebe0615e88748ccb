#include "transfer/transfer_record.h"

namespace mccig::server {
namespace {

constexpr std::string_view kFormat = "mccig-export";

Result<nlohmann::json> parseObject(std::string_view line)
{
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return failure(ErrorKind::Rejected, "not a JSON object");
    return json;
}

nlohmann::json toJson(const DeadLetter& letter)
{
    return {{"id", letter.id},           {"event", letter.event},         {"attempts", letter.attempts},
            {"lastError", letter.lastError}, {"failedAt", letter.failedAt}, {"failures", letter.failures}};
}

Result<DeadLetter> deadLetterFromJson(const nlohmann::json& json)
{
    if (!json.is_object() || !json.contains("event") || !json["event"].is_object())
        return failure(ErrorKind::Rejected, "a dead letter needs its \"event\" object");
    // The event must be one this build can queue again.
    if (auto event = eventFromJson(json["event"]); !event)
        return failure(ErrorKind::Rejected, "the dead letter's event: " + event.error().message);
    DeadLetter letter;
    letter.event = json["event"];
    letter.id = json.value("id", letter.event.value("id", std::string()));
    letter.attempts = json.value("attempts", 0);
    letter.lastError = json.value("lastError", std::string());
    letter.failedAt = json.value("failedAt", std::string());
    letter.failures = json.value("failures", nlohmann::json::array());
    return letter;
}

} // namespace

std::string headerLine(const TransferHeader& header)
{
    return nlohmann::json{{"format", kFormat},
                          {"version", header.version},
                          {"backend", header.backend},
                          {"exportedAt", header.exportedAt}}
        .dump();
}

std::string recordLine(const ConversationEvent& event)
{
    return nlohmann::json{{"type", "event"}, {"event", mccig::toJson(event)}}.dump();
}

std::string recordLine(const DeadLetter& letter)
{
    return nlohmann::json{{"type", "deadLetter"}, {"deadLetter", toJson(letter)}}.dump();
}

Result<TransferHeader> parseHeaderLine(std::string_view line)
{
    auto json = parseObject(line);
    if (!json)
        return failure(ErrorKind::Rejected, "the first line is not an export header: " + json.error().message);
    if (json->value("format", std::string()) != kFormat)
        return failure(ErrorKind::Rejected, "the first line is not an export header (no \"format\":\"mccig-export\")");
    const auto version = json->value("version", 0);
    if (version != kTransferFormatVersion)
        return failure(ErrorKind::Rejected, "export format version " + std::to_string(version) +
                                                " is not one this build reads (it reads " +
                                                std::to_string(kTransferFormatVersion) + ")");
    return TransferHeader{version, json->value("backend", std::string()), json->value("exportedAt", std::string())};
}

Result<TransferRecord> parseRecordLine(std::string_view line)
{
    auto json = parseObject(line);
    if (!json)
        return std::unexpected(json.error());
    const auto type = json->value("type", std::string());
    if (type == "event") {
        if (!json->contains("event"))
            return failure(ErrorKind::Rejected, "an event record needs its \"event\" object");
        auto event = eventFromJson((*json)["event"]);
        if (!event)
            return failure(ErrorKind::Rejected, "the event: " + event.error().message);
        return TransferRecord(std::move(*event));
    }
    if (type == "deadLetter") {
        auto letter = deadLetterFromJson(json->value("deadLetter", nlohmann::json()));
        if (!letter)
            return std::unexpected(letter.error());
        return TransferRecord(std::move(*letter));
    }
    return failure(ErrorKind::Rejected, "unknown record type \"" + type + "\" (event or deadLetter)");
}

} // namespace mccig::server
