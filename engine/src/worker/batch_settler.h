#pragma once

#include "acknowledger.h"
#include "mccig/ports/backend.h"
#include "worker_status.h"

#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace mccig {

// Settles the batches of one settle thread, each message exactly once:
// stored through its own EventRepository (so two settle threads store at
// once, on two connections) and handed to the shared Acknowledger after the
// commit, or charged one failed attempt through its own EventQueue (retry
// later, or the dead-letter queue after maxAttempts). Where the backend
// offers a StoringAcknowledger, storing acknowledges in the same transaction
// and the Acknowledger is not needed. A message whose event is unreadable
// goes to the dead-letter queue at once.
//
// settle() removes each message from `pending` once it is settled. An outage
// (the queue or the store down, frozen, overloaded) stops it early with the
// error: the rest stay pending in the queue, nothing charged, and the caller
// calls settle() again when the backend is back. A data error in a batch is
// isolated by storing its messages one by one, so only the bad message is
// charged. Used by one settle thread only.
class BatchSettler {
public:
    BatchSettler(Backend& backend, const std::string& consumerName, const WorkerSettings& settings,
                 Acknowledger& acknowledger, WorkerStatus& status);
    BatchSettler(const BatchSettler&) = delete;
    BatchSettler& operator=(const BatchSettler&) = delete;

    // Connects to the store now, so /readyz tells before the first batch.
    Result<void> connect();
    Result<void> settle(std::vector<QueuedMessage>& pending);

private:
    struct Failure {
        std::size_t index; // in the pending batch
        std::string error;
    };

    Result<void> store(std::vector<QueuedMessage>& pending, std::size_t count, std::vector<bool>& settled,
                       std::vector<Failure>& failures);
    Result<void> storeOneByOne(std::vector<QueuedMessage>& pending, std::size_t count, std::vector<bool>& settled,
                               std::vector<Failure>& failures);
    // Stores messages, acknowledging them in the same transaction where the backend can.
    Result<QueuedStoreOutcome> storeQueued(std::span<const QueuedMessage> messages);
    Result<void> chargeFailures(const std::vector<QueuedMessage>& pending, const std::vector<Failure>& failures,
                                std::vector<bool>& settled);
    Result<void> chargeAttempt(const QueuedMessage& message, const std::string& error);
    // Marks the stored messages settled and hands their ids to the
    // Acknowledger, unless storing acknowledged them already.
    void acknowledge(std::vector<QueuedMessage>& pending, const std::vector<std::size_t>& stored,
                     std::vector<bool>& settled);
    std::size_t moveSimulatedFailuresLast(std::vector<QueuedMessage>& pending) const;
    bool isSimulatedFailure(const QueuedMessage& message) const;

    std::unique_ptr<EventQueue> m_queue;
    std::unique_ptr<EventRepository> m_repository;
    std::unique_ptr<StoringAcknowledger> m_storingAcknowledger; // null: acknowledged after the commit
    Acknowledger& m_acknowledger;
    const WorkerSettings& m_settings;
    WorkerStatus& m_status;
    std::mt19937_64 m_random;
};

} // namespace mccig
