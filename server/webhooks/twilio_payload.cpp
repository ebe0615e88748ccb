#include "webhooks/twilio_payload.h"

#include "webhooks/json_text_writer.h"
#include "webhooks/provider_message_id.h"

#include <algorithm>
#include <array>
#include <optional>
#include <charconv>
#include <string_view>
#include <vector>

namespace mccig::server {
namespace {

constexpr std::array kFinalCallStatuses{"completed", "busy", "no-answer", "failed", "canceled"};

bool isMediaUrlField(std::string_view name)
{
    constexpr std::string_view kPrefix = "MediaUrl";
    return name.size() > kPrefix.size() && name.starts_with(kPrefix)
           && std::all_of(name.begin() + kPrefix.size(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "metadata": {"twilio": {...}} with every field not in `mapped` (nor a
// MediaUrlN), sorted by name and the last of a repeated name kept, as a JSON
// object (a sorted map) keeps them. Sorts pointers, not copies.
void writeOtherFields(JsonTextWriter& json, const FormFields& fields, const std::vector<std::string_view>& mapped)
{
    std::vector<const FormFields::value_type*> others;
    others.reserve(fields.size());
    for (const auto& field : fields) {
        if (std::find(mapped.begin(), mapped.end(), field.first) == mapped.end() && !isMediaUrlField(field.first))
            others.push_back(&field);
    }
    std::stable_sort(others.begin(), others.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    json.key("metadata").beginObject().key("twilio").beginObject();
    for (std::size_t i = 0; i < others.size(); ++i) {
        if (i + 1 < others.size() && others[i + 1]->first == others[i]->first)
            continue;
        json.key(others[i]->first).string(others[i]->second);
    }
    json.endObject().endObject();
}

std::expected<const std::string*, std::string> required(const FormFields& fields, std::string_view name)
{
    const std::string* value = formValue(fields, name);
    if (!value || value->empty())
        return std::unexpected("the Twilio field " + std::string(name) + " is missing");
    return value;
}

// MediaUrl0, MediaUrl1, ... up to the first one missing.
std::vector<const std::string*> mediaUrls(const FormFields& fields)
{
    std::vector<const std::string*> media;
    for (int n = 0;; ++n) {
        const std::string* url = formValue(fields, "MediaUrl" + std::to_string(n));
        if (!url)
            return media;
        media.push_back(url);
    }
}

// The text as a whole number of seconds; nothing when it is missing, negative or anything else.
std::optional<long long> wholeSeconds(const std::string* text)
{
    long long seconds = 0;
    if (!text)
        return std::nullopt;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, seconds);
    if (error != std::errc{} || stop != end || seconds < 0)
        return std::nullopt;
    return seconds;
}

} // namespace

std::expected<std::string, std::string> twilioSmsBody(const FormFields& fields)
{
    const auto sid = required(fields, "MessageSid");
    const auto from = required(fields, "From");
    const auto to = required(fields, "To");
    if (!sid || !from || !to)
        return std::unexpected(!sid ? sid.error() : !from ? from.error() : to.error());
    const auto media = mediaUrls(fields);
    const std::string* text = formValue(fields, "Body");
    // Keys in the order a JSON object (a sorted map) writes them.
    JsonTextWriter json;
    json.beginObject().key("body");
    if (text && !text->empty())
        json.string(*text);
    else if (!media.empty())
        json.string("[MMS with " + std::to_string(media.size()) + " media]");
    else // Twilio does not send it again: kept, and said to be without text
        json.string("[SMS without text]");
    json.key("from").string(**from);
    if (!media.empty()) {
        json.key("media").beginArray();
        for (const std::string* url : media)
            json.string(*url);
        json.endArray();
    }
    writeOtherFields(json, fields, {"MessageSid", "From", "To", "Body"});
    json.key("providerMessageId").string(providerMessageIdFrom(**sid));
    json.key("to").string(**to);
    return json.endObject().take();
}

std::expected<std::optional<std::string>, std::string> twilioVoiceBody(const FormFields& fields)
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
    const std::string* recording = formValue(fields, "RecordingUrl");
    // Keys in the order a JSON object (a sorted map) writes them.
    JsonTextWriter json;
    json.beginObject();
    json.key("direction").string(direction && direction->starts_with("outbound") ? "outbound" : "inbound");
    // A CallDuration that is no whole number of seconds is kept under
    // metadata.twilio as sent; the duration is then RecordingDuration's, else 0.
    const auto callDuration = wholeSeconds(formValue(fields, "CallDuration"));
    const long long duration =
        callDuration.value_or(wholeSeconds(formValue(fields, "RecordingDuration")).value_or(0));
    json.key("durationSeconds").integer(duration);
    json.key("from").string(**from);
    std::vector<std::string_view> mapped{"CallSid",   "From",         "To",
                                         "Direction", "CallStatus",   "RecordingUrl",
                                         "TranscriptionText"};
    if (callDuration)
        mapped.push_back("CallDuration");
    writeOtherFields(json, fields, mapped);
    json.key("providerMessageId").string(providerMessageIdFrom(**sid));
    if (recording)
        json.key("recordingUrl").string(*recording);
    json.key("status").string(ended ? std::string_view(*callStatus) : std::string_view("completed"));
    json.key("to").string(**to);
    if (transcript)
        json.key("transcript").string(*transcript);
    return std::optional<std::string>(json.endObject().take());
}

} // namespace mccig::server
