#include "admin_query.h"

#include "mccig/domain/tenant_id.h"
#include "mccig/ports/live_stats.h"
#include "mccig/validation/message_validator.h"
#include "webhooks/new_webhook_secret.h"

#include <algorithm>
#include <charconv>

namespace mccig::server {
namespace {

constexpr int kDefaultStatsWindow = 60;
// A cursor is hex of "micros/uuid": far shorter than this.
constexpr std::size_t kMaxCursorLength = 256;

using Details = nlohmann::json;

std::optional<std::string> given(const QueryMap& query, const std::string& name)
{
    const auto it = query.find(name);
    if (it == query.end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

// An integer in [low, high], `fallback` when absent; a detail is added when bad.
int boundedInteger(const QueryMap& query, const std::string& name, int low, int high, int fallback, Details& details)
{
    const auto text = given(query, name);
    if (!text)
        return fallback;
    int value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < low || value > high) {
        details.push_back({{"path", name},
                           {"message", "must be an integer from " + std::to_string(low) + " to " + std::to_string(high)}});
        return fallback;
    }
    return value;
}

std::optional<std::string> tenantParameter(const QueryMap& query, Details& details)
{
    auto tenant = given(query, "tenantId");
    if (tenant && !isValidTenantId(*tenant)) {
        details.push_back({{"path", "tenantId"}, {"message", "must match ^[a-z0-9][a-z0-9_-]{0,63}$"}});
        return std::nullopt;
    }
    return tenant;
}

EventFilter filterParameters(const QueryMap& query, Details& details)
{
    EventFilter filter;
    filter.tenantId = tenantParameter(query, details);
    if (const auto channel = given(query, "channel")) {
        filter.channel = parseChannel(*channel);
        if (!filter.channel)
            details.push_back({{"path", "channel"}, {"message", "must be one of sms, chat, voice"}});
    }
    filter.providerMessageId = given(query, "providerMessageId");
    if (filter.providerMessageId && !isValidProviderMessageId(*filter.providerMessageId))
        details.push_back({{"path", "providerMessageId"}, {"message", "must be 1-128 characters of A-Z a-z 0-9 . _ : -"}});
    return filter;
}

// Checked here, not only by the repository, so no byte that is not a cursor's
// reaches the database.
std::optional<std::string> cursorParameter(const QueryMap& query, Details& details)
{
    auto cursor = given(query, "before");
    const auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    if (cursor && (cursor->size() > kMaxCursorLength || !std::all_of(cursor->begin(), cursor->end(), isHex))) {
        details.push_back({{"path", "before"}, {"message", "must be the \"next\" value of an earlier page"}});
        return std::nullopt;
    }
    return cursor;
}

HttpResponse invalidParameters(const Details& details)
{
    return jsonResponse(400, nlohmann::json{{"error", "invalid_parameter"}, {"details", details}});
}

template <typename T>
std::variant<T, HttpResponse> checked(T value, const Details& details)
{
    if (!details.empty())
        return invalidParameters(details);
    return value;
}

} // namespace

HttpResponse invalidParameter(const std::string& path, const std::string& message)
{
    return invalidParameters(Details::array({{{"path", path}, {"message", message}}}));
}

std::variant<EventFilter, HttpResponse> eventFilterQuery(const QueryMap& query)
{
    Details details = Details::array();
    auto filter = filterParameters(query, details);
    return checked(std::move(filter), details);
}

std::variant<EventPageRequest, HttpResponse> eventPageQuery(const QueryMap& query)
{
    Details details = Details::array();
    EventPageRequest request;
    request.filter = filterParameters(query, details);
    request.limit = boundedInteger(query, "limit", 1, kMaxEventPageSize, kDefaultEventPageSize, details);
    request.before = cursorParameter(query, details);
    return checked(std::move(request), details);
}

std::variant<DeadLetterPageRequest, HttpResponse> dlqPageQuery(const QueryMap& query)
{
    Details details = Details::array();
    DeadLetterPageRequest request;
    request.limit = boundedInteger(query, "limit", 1, kMaxDeadLetterPageSize, kDefaultDeadLetterPageSize, details);
    request.before = cursorParameter(query, details);
    return checked(std::move(request), details);
}

std::variant<int, HttpResponse> statsWindowQuery(const QueryMap& query)
{
    Details details = Details::array();
    const int window = boundedInteger(query, "window", 1, kMaxStatsWindowSeconds, kDefaultStatsWindow, details);
    return checked(window, details);
}

std::variant<WebhookSecret, HttpResponse> webhookSecretBody(const std::string& body)
{
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return errorResponse(400, "invalid_json");
    const auto field = [&json](const char* name) {
        return json.contains(name) && json[name].is_string() ? json[name].get<std::string>() : std::string();
    };
    Details details = Details::array();
    for (const auto& member : json.items()) {
        const std::string& name = member.key();
        if (name != "tenantId" && name != "provider" && name != "secret")
            details.push_back({{"path", name}, {"message", "is not a field of a webhook secret"}});
    }
    const auto tenant = field("tenantId");
    if (!isValidTenantId(tenant))
        details.push_back({{"path", "tenantId"}, {"message", "must match ^[a-z0-9][a-z0-9_-]{0,63}$"}});
    const auto provider = parseWebhookProvider(field("provider"));
    if (!provider)
        details.push_back({{"path", "provider"}, {"message", "must be one of twilio, whatsapp, whatsapp-verify, standard"}});
    const auto secret = field("secret");
    if (const auto problem = webhookSecretProblem(provider.value_or(WebhookProvider::Twilio), secret))
        details.push_back({{"path", "secret"}, {"message", *problem}});
    if (!details.empty())
        return invalidParameters(details);
    auto made = newWebhookSecret(tenant, *provider, secret);
    if (!made)
        return errorResponse(500, "internal");
    return std::move(*made);
}

std::variant<std::optional<std::string>, HttpResponse> tenantQuery(const QueryMap& query)
{
    Details details = Details::array();
    auto tenant = tenantParameter(query, details);
    return checked(std::move(tenant), details);
}

} // namespace mccig::server
