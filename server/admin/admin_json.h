#pragma once

#include "mccig/ports/dead_letter_queue.h"
#include "mccig/ports/event_repository.h"
#include "mccig/ports/live_stats.h"
#include "mccig/ports/webhook_secret_store.h"

#include <nlohmann/json.hpp>

namespace mccig::server {

// The admin API's JSON bodies (API.md §5).
nlohmann::json eventPageJson(const EventPage& page);
nlohmann::json deadLetterPageJson(const DeadLetterPage& page);
nlohmann::json tenantsJson(const std::vector<TenantOverview>& tenants);
// {"id","tenantId","provider","createdAt"}: never the secret.
nlohmann::json webhookSecretJson(const WebhookSecretEntry& entry);
nlohmann::json webhookSecretsJson(const std::vector<WebhookSecretEntry>& entries, const std::optional<std::string>& tenant);
nlohmann::json statsJson(const std::vector<StatsPoint>& series, const QueueDepth& depth);

} // namespace mccig::server
