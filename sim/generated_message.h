#pragma once

#include "mccig/domain/channel.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mccig::sim {

// One request body the simulator is about to send, with the identity that the
// gateway dedupes on (channel + providerMessageId, within the sender's tenant).
struct GeneratedMessage {
    Channel channel = Channel::Sms;
    std::string providerMessageId;
    nlohmann::json body;
};

} // namespace mccig::sim
