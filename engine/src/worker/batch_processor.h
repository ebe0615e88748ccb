#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/ports/event_repository.h"
#include "worker_status.h"

#include <functional>
#include <vector>

namespace mccig {

// What one batch costs a message: stored, or charged one failed attempt
// (retry later, or the dead-letter queue after maxAttempts).
//
// settle() removes each message from `pending` once it is settled. An outage
// (Redis or PostgreSQL down, frozen, overloaded) stops it early with the
// error: the remaining messages stay pending in the queue, nothing charged,
// and the caller calls settle() again when the backend is back.
// A data error in a batch is isolated by storing its rows one by one, so only
// the bad message is charged. Used by the worker loop's thread only.
class BatchProcessor {
public:
    using UnitRandom = std::function<double()>;

    BatchProcessor(EventQueue& queue, EventRepository& repository, const WorkerSettings& settings,
                   WorkerStatus& status, UnitRandom random);

    Result<void> settle(std::vector<QueuedMessage>& pending);

private:
    struct Failure {
        QueuedMessage* message;
        std::string error;
    };

    Result<void> settleFailures(std::vector<Failure>& failures);
    Result<void> chargeAttempt(QueuedMessage& message, const std::string& error);
    Result<void> storeAndAcknowledge(std::vector<QueuedMessage*>& toStore, std::vector<Failure>& failures);
    Result<void> storeOneByOne(std::vector<QueuedMessage*>& toStore, std::vector<Failure>& failures);
    Result<void> acknowledge(const std::vector<QueuedMessage*>& stored);
    bool isSimulatedFailure(const ConversationEvent& event) const;

    EventQueue& m_queue;
    EventRepository& m_repository;
    const WorkerSettings& m_settings;
    WorkerStatus& m_status;
    UnitRandom m_random;
};

} // namespace mccig
