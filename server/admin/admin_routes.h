#pragma once

#include "mccig/core/secret_digest.h"
#include "mccig/domain/rate_limit_policy.h"
#include "mccig/ports/backend.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mccig::server {

class BlockingPool;
class Router;

// What the admin API needs from the running server. The pool and the policy
// lookup must outlive the router the routes are registered on.
struct AdminContext {
    BlockingPool& pool;                                   // all backend work runs here, never on I/O threads
    std::optional<SecretDigest> adminKey;                 // unset: registerAdminRoutes adds nothing (404)
    std::shared_ptr<Backend> backend;
    std::function<RateLimitPolicy(const std::string& tenantId)> policyFor;
    // Tenants with a key or a rate limit of their own, listed even before they
    // send anything. Called on a pool thread.
    std::function<std::vector<std::string>()> knownTenants;
    // Called on a pool thread after a webhook secret is set or removed, before
    // the answer goes out: puts the change in use in this process at once.
    // Optional.
    std::function<void()> webhookSecretsChanged;
};

// Adds the /v1/admin/* routes of API.md §5 (events, events/count, dlq, dlq
// replay/delete, tenants, stats) and the webhook secrets of §6 (list, set,
// remove). Every route checks `Authorization: Bearer ADMIN_KEY` in constant
// time before the body is read (401 otherwise), then
// runs its backend calls on the pool (503 when the pool is full or the
// backend is down). Each pool thread keeps its own port instances.
// Does nothing when no admin key is configured.
void registerAdminRoutes(Router& router, const AdminContext& context);

} // namespace mccig::server
