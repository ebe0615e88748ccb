#pragma once

#include "mccig/core/result.h"
#include "mccig/ports/event_queue.h"
#include "mccig/ports/event_repository.h"

#include <cstddef>
#include <span>

namespace mccig {

// What storeAndAcknowledge() did.
struct StoredAndAcknowledged {
    QueuedStoreOutcome stored;    // as EventRepository::storeQueued() reports it
    std::size_t acknowledged = 0; // entries this call settled, as EventQueue::acknowledge() counts them
};

// Port, offered only by a backend whose queue and event store are one
// database (embedded): stores queued messages and acknowledges the stored
// ones in one transaction. It means what EventRepository::storeQueued()
// followed by EventQueue::acknowledge() of the stored messages means, for
// one consumer, but the batch is written under one lock and one commit
// instead of two. All or nothing; failures as storeQueued()'s. One thread
// per instance.
class StoringAcknowledger {
public:
    virtual ~StoringAcknowledger() = default;

    virtual Result<StoredAndAcknowledged> storeAndAcknowledge(std::span<const QueuedMessage> messages) = 0;
};

} // namespace mccig
