#pragma once

#include "mccig/domain/channel.h"

#include <nlohmann/json.hpp>

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
// needs. The body's tenantId is only checked here; the caller compares
// MessageBody::tenantClaim() with the key's tenant.
struct ValidatedMessage {
    std::string providerMessageId;
    std::string content;
    nlohmann::json rawMetadata;
};

// A request body parsed for validation (simdjson: the ingest path's largest
// cost was building a general JSON tree of every body). Move-only.
class MessageBody {
public:
    struct Document; // the parsed tree, private to the validator

    // Nothing when `json` is not well-formed UTF-8 JSON. A number no 64-bit
    // integer or double holds (1e400, 2^64) parses, and fails validation
    // naming its path.
    static std::optional<MessageBody> parse(std::string_view json);

    MessageBody(MessageBody&&) noexcept;
    MessageBody& operator=(MessageBody&&) noexcept;
    ~MessageBody();

    // The body's "tenantId" when the body is an object and that is a string.
    std::optional<std::string_view> tenantClaim() const;
    const Document& document() const { return *m_document; }

private:
    explicit MessageBody(std::unique_ptr<Document> document);

    std::unique_ptr<Document> m_document;
};

// Checks `body` against the rules of API.md §3 for `channel` and, when it
// passes, normalizes it (content and rawMetadata of §4). Whatever passes can
// be stored: no U+0000 in any key or string, no number beyond 64 bits. On failure every
// violation is listed, in field order, never just the first. Pure function:
// safe from any thread, used by the server and by the console's playground.
std::expected<ValidatedMessage, std::vector<Violation>> validateMessage(Channel channel, const MessageBody& body);

// The providerMessageId rule of API.md §3: 1-128 characters of [A-Za-z0-9._:-].
bool isValidProviderMessageId(std::string_view text);

} // namespace mccig
