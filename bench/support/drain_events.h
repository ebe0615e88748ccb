#pragma once

// What the drain benchmarks share: the queue they fill and how they sum up
// their rounds, so the Redis + PostgreSQL and the embedded drains are timed
// on the same events.
#include "mccig/core/uuid.h"
#include "mccig/domain/conversation_event.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace mccig::bench {

// `count` sms events of ordinary size over eight tenants, each never sent before.
inline std::vector<ConversationEvent> makeDrainEvents(int count)
{
    std::vector<ConversationEvent> events;
    events.reserve(static_cast<std::size_t>(count));
    const auto now = std::chrono::system_clock::now();
    for (int i = 0; i < count; ++i) {
        ConversationEvent event;
        event.id = newUuidV7();
        event.tenantId = "tenant-" + std::to_string(i % 8);
        event.providerMessageId = "SM" + std::to_string(1000000 + i);
        event.channel = Channel::Sms;
        event.content = "Hello, this is message " + std::to_string(i) + " about order #" + std::to_string(i * 7);
        event.rawMetadata = {{"from", "+15551234567"},
                             {"to", "+15557654321"},
                             {"metadata", {{"campaign", "spring"}, {"segment", i % 5}}},
                             {"occurredAt", "2026-11-26T10:00:00Z"}};
        event.createdAt = std::chrono::time_point_cast<std::chrono::microseconds>(now);
        events.push_back(std::move(event));
    }
    return events;
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace mccig::bench
