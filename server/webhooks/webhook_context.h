#pragma once

#include "ingest/ingest_context.h"
#include "webhooks/webhook_secret_registry.h"

#include <string>

namespace mccig::server {

// What the provider webhook routes need from the running server. Everything
// referenced must outlive the router.
struct WebhookContext {
    const IngestContext& ingest; // the admission path of /v1/ingest, shared
    const WebhookSecretRegistry& secrets;
    std::string publicUrl; // ServerConfig::publicUrl: empty, or the base URL without a trailing slash
    bool tls = false;      // the listener serves https (the scheme when publicUrl is empty)
};

} // namespace mccig::server
