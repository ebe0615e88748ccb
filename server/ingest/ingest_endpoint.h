#pragma once

#include "http/http_message.h"
#include "ingest/ingest_context.h"
#include "mccig/domain/channel.h"
#include "mccig/validation/message_validator.h"

#include <chrono>
#include <optional>
#include <string>

namespace mccig::server {

// POST /v1/ingest/{channel} (and its /ingest alias) for one channel, in the
// order of API.md §3: auth, content type and size on the header alone
// (checkHead), then JSON, schema and the tenant claim on the body (handle),
// then the gate's one atomic admission step. Every answer is counted in the
// metrics. A refusal never waits on the backend: it carries the tenant's
// RateLimit-* headers as this thread last saw them, and the gate counts it
// afterwards (lost while Redis is unreachable; the metrics keep it).
//
// Both calls run on an I/O thread and use that thread's gate.
class IngestEndpoint {
public:
    IngestEndpoint(Channel channel, const IngestContext& context);

    // The DeferredHeadCheck of the route: false when it has answered. On
    // success the tenant is left in head.principal for handle().
    bool checkHead(HttpRequest& head, const Respond& respond) const;
    void handle(HttpRequest&& request, Respond respond) const;

private:
    using Clock = std::chrono::steady_clock;

    std::optional<std::string> authenticate(const HttpRequest& request) const;
    void admit(const std::string& tenantId, ValidatedMessage message, Clock::time_point start, Respond respond) const;
    void refuse(const std::string& tenantId, IngestOutcome outcome, HttpResponse response, Clock::time_point start,
                Respond respond) const;
    void finish(IngestOutcome outcome, Clock::time_point start, HttpResponse response, const Respond& respond) const;

    Channel m_channel;
    const IngestContext& m_context;
};

} // namespace mccig::server
