#pragma once

#include "mccig/domain/conversation_event.h"

#include <string>

namespace mccig::test {

// A valid SMS event of tenant "acme", created now (to the microsecond, as
// the stores keep it), with a fresh id; metadata.simulateFailure as asked.
ConversationEvent sampleEvent(const std::string& providerMessageId, bool simulateFailure = false);

} // namespace mccig::test
