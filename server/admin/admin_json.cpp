#include "admin_json.h"

namespace mccig::server {

nlohmann::json webhookSecretJson(const WebhookSecretEntry& entry)
{
    return {{"id", entry.id},
            {"tenantId", entry.tenantId},
            {"provider", webhookProviderName(entry.provider)},
            {"createdAt", entry.createdAt}};
}

nlohmann::json webhookSecretsJson(const std::vector<WebhookSecretEntry>& entries, const std::optional<std::string>& tenant)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : entries) {
        if (!tenant || entry.tenantId == *tenant)
            items.push_back(webhookSecretJson(entry));
    }
    return {{"items", std::move(items)}};
}

nlohmann::json eventPageJson(const EventPage& page)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& event : page.items)
        items.push_back(toJson(event));
    return {{"items", std::move(items)}, {"next", page.next ? nlohmann::json(*page.next) : nlohmann::json(nullptr)}};
}

nlohmann::json deadLetterPageJson(const DeadLetterPage& page)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& letter : page.items)
        items.push_back({{"id", letter.id},
                         {"event", letter.event},
                         {"attempts", letter.attempts},
                         {"lastError", letter.lastError},
                         {"failedAt", letter.failedAt},
                         {"failures", letter.failures}});
    return {{"items", std::move(items)},
            {"total", page.total},
            {"next", page.next ? nlohmann::json(*page.next) : nlohmann::json()}};
}

nlohmann::json tenantsJson(const std::vector<TenantOverview>& tenants)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& tenant : tenants)
        items.push_back({{"tenantId", tenant.tenantId},
                         {"rateLimit",
                          {{"capacity", tenant.rateLimit.capacity},
                           {"refillPerSecond", tenant.rateLimit.refillPerSecond},
                           {"tokens", tenant.tokens}}},
                         {"accepted", tenant.accepted},
                         {"duplicates", tenant.duplicates},
                         {"rateLimited", tenant.rateLimited}});
    return {{"items", std::move(items)}};
}

nlohmann::json statsJson(const std::vector<StatsPoint>& series, const QueueDepth& depth)
{
    nlohmann::json points = nlohmann::json::array();
    for (const auto& point : series)
        points.push_back({{"t", point.t},
                          {"accepted", point.accepted},
                          {"duplicate", point.duplicate},
                          {"rateLimited", point.rateLimited},
                          {"invalid", point.invalid},
                          {"persisted", point.persisted},
                          {"retried", point.retried},
                          {"deadLettered", point.deadLettered}});
    return {{"series", std::move(points)}, {"queueDepth", depth.queued()}, {"dlqDepth", depth.deadLetters}};
}

} // namespace mccig::server
