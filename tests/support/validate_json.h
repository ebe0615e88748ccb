#pragma once

#include "mccig/validation/message_validator.h"

#include <nlohmann/json.hpp>

namespace mccig::test {

// Validates `body` as the server does: from its JSON text.
inline std::expected<ValidatedMessage, std::vector<Violation>> validateJson(Channel channel,
                                                                          const nlohmann::json& body)
{
    const auto parsed = MessageBody::parse(body.dump());
    if (!parsed)
        return std::unexpected(std::vector<Violation>{{"", "the test body did not parse"}});
    return validateMessage(channel, *parsed);
}

} // namespace mccig::test
