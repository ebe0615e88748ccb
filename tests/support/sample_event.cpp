#include "sample_event.h"

#include "mccig/core/uuid.h"

#include <chrono>

namespace mccig::test {

ConversationEvent sampleEvent(const std::string& providerMessageId, bool simulateFailure)
{
    ConversationEvent event;
    event.id = newUuidV7();
    event.tenantId = "acme";
    event.providerMessageId = providerMessageId;
    event.channel = Channel::Sms;
    event.content = "body " + providerMessageId;
    event.rawMetadata = {{"from", "+15551234567"},
                         {"to", "+15557654321"},
                         {"metadata", {{"simulateFailure", simulateFailure}}}};
    event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    return event;
}

} // namespace mccig::test
