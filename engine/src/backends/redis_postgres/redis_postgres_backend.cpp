#include "mccig/backends/redis_postgres_backend.h"

#include "mccig/postgres/migrations.h"
#include "mccig/postgres/postgres_event_repository.h"
#include "mccig/queue/redis_dead_letter_queue.h"
#include "mccig/queue/redis_event_queue.h"
#include "mccig/redis/admission_counters.h"
#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_admission_gate.h"
#include "queue/redis_live_stats.h"
#include "redis_api_key_store.h"
#include "redis_postgres_health_probe.h"
#include "redis_webhook_secret_store.h"

namespace mccig {
namespace {

std::unexpected<Error> explained(Error error, const std::string& what)
{
    error.message = what + ": " + error.message;
    return std::unexpected(std::move(error));
}

} // namespace

RedisPostgresBackend::RedisPostgresBackend(RedisPostgresSettings settings) : m_settings(std::move(settings)) {}

std::string RedisPostgresBackend::kind() const { return "redis+postgres"; }

Result<int> RedisPostgresBackend::migrateSchema()
{
    auto migrated = applyMigrations(m_settings.databaseUrl, m_settings.timeout);
    if (!migrated)
        return explained(migrated.error(), "database migrations failed");
    return migrated;
}

Result<int> RedisPostgresBackend::prepare()
{
    auto migrated = migrateSchema();
    if (!migrated)
        return migrated;
    RedisSyncConnection redis(m_settings.redis, m_settings.timeout);
    if (auto stream = ensureEventStream(redis); !stream)
        return explained(stream.error(), "cannot prepare the event stream in Redis");
    return *migrated;
}

std::unique_ptr<AdmissionGate> RedisPostgresBackend::admissionGate(boost::asio::io_context& io)
{
    std::call_once(m_countersMade, [this] {
        m_admissionCounters = std::make_shared<AdmissionCounters>(m_settings.redis, m_settings.timeout);
    });
    return std::make_unique<RedisAdmissionGate>(io, m_settings.redis, m_settings.timeout, m_admissionCounters,
                                                m_admissionBatchSizes, m_settings.admissionBatchMax);
}

AdmissionBatchSizes RedisPostgresBackend::admissionBatchSizes() const
{
    return m_admissionBatchSizes->totals();
}

std::unique_ptr<EventQueue> RedisPostgresBackend::eventQueue(const std::string& consumerName)
{
    return std::make_unique<RedisEventQueue>(m_settings.redis, m_settings.timeout, consumerName);
}

std::unique_ptr<EventRepository> RedisPostgresBackend::eventRepository()
{
    return std::make_unique<PostgresEventRepository>(m_settings.databaseUrl, m_settings.timeout);
}

// The stream and the table are apart: a batch is committed, then acknowledged.
std::unique_ptr<StoringAcknowledger> RedisPostgresBackend::storingAcknowledger(const std::string&) { return nullptr; }

std::unique_ptr<DeadLetterQueue> RedisPostgresBackend::deadLetterQueue()
{
    return std::make_unique<RedisDeadLetterQueue>(m_settings.redis, m_settings.timeout);
}

std::unique_ptr<LiveStats> RedisPostgresBackend::liveStats()
{
    return std::make_unique<RedisLiveStats>(m_settings.redis, m_settings.timeout);
}

std::unique_ptr<ApiKeyStore> RedisPostgresBackend::apiKeyStore()
{
    return std::make_unique<RedisApiKeyStore>(m_settings.redis, m_settings.timeout);
}

std::unique_ptr<WebhookSecretStore> RedisPostgresBackend::webhookSecretStore()
{
    return std::make_unique<RedisWebhookSecretStore>(m_settings.redis, m_settings.timeout);
}

std::unique_ptr<HealthProbe> RedisPostgresBackend::healthProbe()
{
    return std::make_unique<RedisPostgresHealthProbe>(m_settings.redis, m_settings.databaseUrl, m_settings.timeout);
}

} // namespace mccig
