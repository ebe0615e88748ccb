#pragma once

#include "http_client.h"
#include "mccig/core/result.h"
#include "mccig/domain/channel.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace mccig::sim {

// One entry of GET /v1/admin/dlq, reduced to what the verification needs.
struct DeadLetter {
    std::string id;
    std::string eventId;
    std::string tenant;
    std::string providerMessageId;
    int attempts = 0;
    std::string lastError;
};

// The admin API as the simulator uses it (API.md §5). Errors: Unavailable or
// Timeout when the server cannot be reached, Rejected when it refuses the
// admin key (401, or 404 from a server without --admin-key), Internal for an
// answer that does not match the contract. Not thread-safe (one connection).
class AdminClient {
public:
    AdminClient(TargetUrl target, std::string adminKey);

    // Reachable and the key accepted: GET /v1/admin/stats?window=1.
    Result<void> probe();
    Result<std::int64_t> eventCount(const std::string& tenant, Channel channel, const std::string& providerMessageId);
    Result<std::int64_t> tenantEventCount(const std::string& tenant);
    // Messages waiting in the stream or for a retry (the stats' queueDepth).
    Result<std::int64_t> queueDepth();
    Result<std::vector<DeadLetter>> deadLetters(int limit);

private:
    Result<nlohmann::json> getJson(const std::string& target);

    HttpClient m_client;
    std::string m_adminKey;
};

} // namespace mccig::sim
