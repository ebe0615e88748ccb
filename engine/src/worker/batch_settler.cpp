#include "batch_settler.h"

namespace mccig {

BatchSettler::BatchSettler(const WorkerSettings& settings, const std::string& consumerName,
                           Acknowledger& acknowledger, WorkerStatus& status)
    : m_queue(settings.redis, settings.backendTimeout, consumerName),
      m_repository(settings.databaseUrl, settings.backendTimeout),
      m_random(std::random_device{}()),
      m_processor(m_queue, m_repository, acknowledger, settings, status,
                  [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); })
{
}

Result<void> BatchSettler::connectDatabase() { return m_repository.connection().connect(); }

std::vector<BatchMessage> BatchSettler::batchOf(std::vector<StreamEntry> entries)
{
    return toBatch(std::move(entries), m_rowWriter);
}

Result<void> BatchSettler::settle(std::vector<BatchMessage>& batch) { return m_processor.settle(batch); }

} // namespace mccig
