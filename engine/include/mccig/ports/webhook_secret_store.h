#pragma once

#include "mccig/core/result.h"
#include "mccig/domain/webhook_provider.h"

#include <string>
#include <vector>

namespace mccig {

// What may be shown of a stored webhook secret: never the secret itself.
struct WebhookSecretEntry {
    std::string id; // 16 lowercase hex digits, chosen when it was stored
    std::string tenantId;
    WebhookProvider provider = WebhookProvider::Twilio;
    std::string createdAt; // RFC 3339, UTC (formatUtc)

    friend bool operator==(const WebhookSecretEntry&, const WebhookSecretEntry&) = default;
};

// A stored webhook secret with its value. Unlike an API key it is kept as
// given, not as a digest: checking a provider's HMAC signature needs the key.
struct WebhookSecret {
    WebhookSecretEntry entry;
    std::string secret;
};

// Port: the secrets that authenticate provider webhooks, per tenant and
// provider, shared by every process on the backend. Several secrets of one
// tenant and provider are all valid at once (rotation: store the new one,
// then remove the old). An entry that does not parse is skipped, so a
// hand-edited one cannot take the others down. Blocks; one thread per instance.
class WebhookSecretStore {
public:
    virtual ~WebhookSecretStore() = default;

    // Refuses (ErrorKind::Rejected) an id that is already stored.
    virtual Result<void> add(const WebhookSecret& secret) = 0;
    // Every stored secret with its value, oldest first: for the serving
    // process, which checks signatures with them; never shown to anyone.
    virtual Result<std::vector<WebhookSecret>> loadAll() = 0;
    // Every stored secret without its value, oldest first.
    Result<std::vector<WebhookSecretEntry>> list();
    // false: no such id (another operator may have removed it first).
    virtual Result<bool> remove(const std::string& id) = 0;
};

} // namespace mccig
