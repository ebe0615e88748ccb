#include "batch_message.h"

namespace mccig {

std::vector<BatchMessage> toBatch(std::vector<StreamEntry> entries, EventRowWriter& writer)
{
    std::vector<BatchMessage> batch;
    batch.reserve(entries.size());
    for (auto& entry : entries) {
        BatchMessage message{std::move(entry), {}};
        message.row.reserve(message.entry.event.size()); // a row is shorter than its JSON: no keys
        // A failed append leaves the row empty: the message is unreadable.
        (void)writer.append(message.entry.event, message.row);
        batch.push_back(std::move(message));
    }
    return batch;
}

} // namespace mccig
