#include "ingest_request.h"

#include <charconv>
#include <chrono>

namespace mccig::sim {
namespace {

int parseRetryAfter(std::string_view header)
{
    int seconds = -1;
    const auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
    return error == std::errc{} && end == header.data() + header.size() ? seconds : -1;
}

void readBody(SendOutcome& outcome, const std::string& body)
{
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object())
        return;
    if (const auto id = json.find("eventId"); id != json.end() && id->is_string())
        outcome.eventId = id->get<std::string>();
    if (const auto error = json.find("error"); error != json.end() && error->is_string())
        outcome.error = error->get<std::string>();
    if (const auto wait = json.find("retryAfterMs"); wait != json.end() && wait->is_number_integer())
        outcome.retryAfterMs = wait->get<std::int64_t>();
}

} // namespace

SendOutcome sendIngestRequest(HttpClient& client, const TenantCredential& tenant, const GeneratedMessage& message)
{
    SendOutcome outcome;
    outcome.tenant = tenant.tenant;
    outcome.channel = message.channel;
    outcome.providerMessageId = message.providerMessageId;

    const std::string target = "/v1/ingest/" + std::string(channelName(message.channel));
    const auto started = std::chrono::steady_clock::now();
    auto reply = client.post(target, tenant.key, message.body.dump());
    outcome.latencyUs =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    if (!reply) {
        outcome.error = reply.error().message;
        return outcome;
    }
    outcome.status = reply->status;
    if (reply->status == 429)
        outcome.retryAfterSeconds = parseRetryAfter(reply->header("retry-after"));
    readBody(outcome, reply->body);
    return outcome;
}

} // namespace mccig::sim
