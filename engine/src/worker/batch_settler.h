#pragma once

#include "acknowledger.h"
#include "batch_message.h"
#include "batch_processor.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_event_queue.h"
#include "worker_status.h"

#include <random>
#include <vector>

namespace mccig {

// What one settle thread owns: its row writer, its own PostgreSQL connection
// (so its COPY runs while another thread's COPY runs on another), its own
// Redis connection for charging failed attempts, and the BatchProcessor on
// them. Stored messages go to the shared Acknowledger after this
// connection's commit. Used by one settle thread only.
class BatchSettler {
public:
    BatchSettler(const WorkerSettings& settings, const std::string& consumerName, Acknowledger& acknowledger,
                 WorkerStatus& status);
    BatchSettler(const BatchSettler&) = delete;
    BatchSettler& operator=(const BatchSettler&) = delete;

    // Connects to PostgreSQL now, so /readyz tells before the first batch.
    Result<void> connectDatabase();
    // The batch for entries as read, each with its row written.
    std::vector<BatchMessage> batchOf(std::vector<StreamEntry> entries);
    // One try at the batch: BatchProcessor::settle().
    Result<void> settle(std::vector<BatchMessage>& batch);

private:
    EventRowWriter m_rowWriter;
    RedisEventQueue m_queue;
    PostgresEventRepository m_repository;
    std::mt19937_64 m_random;
    BatchProcessor m_processor;
};

} // namespace mccig
