#pragma once

#include "acknowledger.h"
#include "batch_message.h"
#include "mccig/ports/event_queue.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "worker_status.h"

#include <functional>
#include <vector>

namespace mccig {

// What one batch costs a message: stored, or charged one failed attempt
// (retry later, or the dead-letter queue after maxAttempts). Stored messages
// are handed to the Acknowledger and count as settled from then on.
//
// settle() removes each message from `pending` once it is settled. An outage
// (Redis or PostgreSQL down, frozen, overloaded) stops it early with the
// error: the remaining messages stay pending in the queue, nothing charged,
// and the caller calls settle() again when the backend is back.
// A data error in a batch is isolated by storing its rows one by one, so only
// the bad message is charged. Used by one settle thread only (each has its own).
class BatchProcessor {
public:
    using UnitRandom = std::function<double()>;

    BatchProcessor(EventQueue& queue, PostgresEventRepository& repository, Acknowledger& acknowledger,
                   const WorkerSettings& settings, WorkerStatus& status, UnitRandom random);

    Result<void> settle(std::vector<BatchMessage>& pending);

private:
    struct Failure {
        BatchMessage* message;
        std::string error;
    };

    Result<void> settleFailures(std::vector<Failure>& failures);
    Result<void> chargeAttempt(BatchMessage& message, const std::string& error);
    Result<void> storeAndAcknowledge(std::vector<BatchMessage*>& toStore, std::vector<Failure>& failures);
    Result<void> storeOneByOne(std::vector<BatchMessage*>& toStore, std::vector<Failure>& failures);
    void acknowledge(const std::vector<BatchMessage*>& stored);
    bool isSimulatedFailure(const BatchMessage& message) const;

    EventQueue& m_queue;
    PostgresEventRepository& m_repository;
    Acknowledger& m_acknowledger;
    const WorkerSettings& m_settings;
    WorkerStatus& m_status;
    UnitRandom m_random;
    std::string m_rows; // the COPY text of the batch being stored, reused
};

} // namespace mccig
