#pragma once

#include "mccig/ports/backend.h"
#include "mccig/redis/redis_url.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace mccig {

class AdmissionCounters;

struct RedisPostgresSettings {
    RedisEndpoint redis;
    std::string databaseUrl;
    std::chrono::milliseconds timeout{2000}; // bound of every Redis / PostgreSQL call
    // Most admissions an I/O thread sends in one Redis call; 1 turns batching off.
    std::size_t admissionBatchMax = 32;
};

// The Backend on Redis (admission, queue, retries, dead letters, live
// figures, API keys: docs/redis-keys.md) and PostgreSQL (stored events).
// Every instance it hands out owns its own connection, made on first use;
// the admission gates share one AdmissionCounters (the process's live
// counters, flushed to Redis every 200 ms), made with the first gate, and
// one tally of their calls' sizes.
class RedisPostgresBackend final : public Backend {
public:
    explicit RedisPostgresBackend(RedisPostgresSettings settings);

    std::string kind() const override;
    Result<int> migrateSchema() override;
    Result<int> prepare() override;
    std::unique_ptr<AdmissionGate> admissionGate(boost::asio::io_context& io) override;
    AdmissionBatchSizes admissionBatchSizes() const override;
    std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) override;
    std::unique_ptr<EventRepository> eventRepository() override;
    std::unique_ptr<StoringAcknowledger> storingAcknowledger(const std::string& consumerName) override;
    std::unique_ptr<DeadLetterQueue> deadLetterQueue() override;
    std::unique_ptr<LiveStats> liveStats() override;
    std::unique_ptr<ApiKeyStore> apiKeyStore() override;
    std::unique_ptr<WebhookSecretStore> webhookSecretStore() override;
    std::unique_ptr<HealthProbe> healthProbe() override;

private:
    const RedisPostgresSettings m_settings;
    std::once_flag m_countersMade;
    std::shared_ptr<AdmissionCounters> m_admissionCounters;
    const std::shared_ptr<AdmissionBatchTally> m_admissionBatchSizes = std::make_shared<AdmissionBatchTally>();
};

} // namespace mccig
