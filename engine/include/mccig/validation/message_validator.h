#pragma once

#include "mccig/domain/channel.h"

#include <nlohmann/json.hpp>

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace mccig {

// One broken rule, with the JSON path of the offending value ("from",
// "sender.id", "attachments[2].url") so a client can point at it.
struct Violation {
    std::string path;
    std::string message;

    friend bool operator==(const Violation&, const Violation&) = default;
};

// A payload that passed every rule of its channel, reduced to what the event
// needs. `tenantId` is the body's claim, checked against the key by the caller.
struct ValidatedMessage {
    std::string providerMessageId;
    std::optional<std::string> tenantId;
    std::string content;
    nlohmann::json rawMetadata;
};

// Checks `body` against the rules of API.md §3 for `channel` and, when it
// passes, normalizes it (content and rawMetadata of §4). On failure every
// violation is listed, in field order, never just the first. Pure function:
// safe from any thread, used by the server and by the console's playground.
std::expected<ValidatedMessage, std::vector<Violation>> validateMessage(Channel channel,
                                                                        const nlohmann::json& body);

} // namespace mccig
