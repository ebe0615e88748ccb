#include "webhooks/twilio_payload.h"

#include "webhooks/provider_message_id.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace mccig::server {
namespace {

constexpr std::array kFinalCallStatuses{"completed", "busy", "no-answer", "failed", "canceled"};

bool isMediaUrlField(std::string_view name)
{
    constexpr std::string_view kPrefix = "MediaUrl";
    return name.size() > kPrefix.size() && name.starts_with(kPrefix)
           && std::all_of(name.begin() + kPrefix.size(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Every field not in `mapped` (nor a MediaUrlN), under metadata.twilio.
nlohmann::json otherFields(const FormFields& fields, std::initializer_list<std::string_view> mapped)
{
    nlohmann::json twilio = nlohmann::json::object();
    for (const auto& [name, value] : fields) {
        if (std::find(mapped.begin(), mapped.end(), name) == mapped.end() && !isMediaUrlField(name))
            twilio[name] = value;
    }
    return nlohmann::json{{"twilio", std::move(twilio)}};
}

std::expected<std::string, std::string> required(const FormFields& fields, std::string_view name)
{
    const std::string* value = formValue(fields, name);
    if (!value || value->empty())
        return std::unexpected("the Twilio field " + std::string(name) + " is missing");
    return *value;
}

nlohmann::json mediaUrls(const FormFields& fields)
{
    nlohmann::json media = nlohmann::json::array();
    for (int n = 0;; ++n) {
        const std::string* url = formValue(fields, "MediaUrl" + std::to_string(n));
        if (!url)
            return media;
        media.push_back(*url);
    }
}

int durationOf(const FormFields& fields)
{
    for (const char* name : {"CallDuration", "RecordingDuration"}) {
        const std::string* text = formValue(fields, name);
        int seconds = 0;
        if (text && std::from_chars(text->data(), text->data() + text->size(), seconds).ec == std::errc{})
            return seconds;
    }
    return 0;
}

} // namespace

std::expected<nlohmann::json, std::string> twilioSmsBody(const FormFields& fields)
{
    const auto sid = required(fields, "MessageSid");
    const auto from = required(fields, "From");
    const auto to = required(fields, "To");
    if (!sid || !from || !to)
        return std::unexpected(!sid ? sid.error() : !from ? from.error() : to.error());
    nlohmann::json body{{"providerMessageId", providerMessageIdFrom(*sid)},
                        {"from", *from},
                        {"to", *to},
                        {"metadata", otherFields(fields, {"MessageSid", "From", "To", "Body"})}};
    const auto media = mediaUrls(fields);
    const std::string* text = formValue(fields, "Body");
    body["body"] = text && !text->empty() ? *text : "[MMS with " + std::to_string(media.size()) + " media]";
    if (!media.empty())
        body["media"] = media;
    return body;
}

std::expected<std::optional<nlohmann::json>, std::string> twilioVoiceBody(const FormFields& fields)
{
    const auto sid = required(fields, "CallSid");
    const auto from = required(fields, "From");
    const auto to = required(fields, "To");
    if (!sid || !from || !to)
        return std::unexpected(!sid ? sid.error() : !from ? from.error() : to.error());
    const std::string* transcript = formValue(fields, "TranscriptionText");
    const std::string* callStatus = formValue(fields, "CallStatus");
    const bool ended = callStatus
                       && std::find(kFinalCallStatuses.begin(), kFinalCallStatuses.end(), *callStatus)
                              != kFinalCallStatuses.end();
    if (!ended && !transcript)
        return std::nullopt;
    const std::string* direction = formValue(fields, "Direction");
    nlohmann::json body{
        {"providerMessageId", providerMessageIdFrom(*sid)},
        {"from", *from},
        {"to", *to},
        {"direction", direction && direction->starts_with("outbound") ? "outbound" : "inbound"},
        {"status", ended ? *callStatus : std::string("completed")},
        {"durationSeconds", durationOf(fields)},
        {"metadata",
         otherFields(fields, {"CallSid", "From", "To", "Direction", "CallStatus", "CallDuration", "RecordingUrl",
                              "TranscriptionText"})}};
    if (transcript)
        body["transcript"] = *transcript;
    if (const std::string* recording = formValue(fields, "RecordingUrl"))
        body["recordingUrl"] = *recording;
    return body;
}

} // namespace mccig::server
