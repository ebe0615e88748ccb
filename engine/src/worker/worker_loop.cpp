#include "worker_loop.h"

#include <algorithm>

namespace mccig {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBatchSize = 500;
constexpr auto kMaxBlock = 1000ms;
constexpr auto kFirstBackoff = 100ms;
constexpr auto kMaxBackoff = 2000ms;

// Claim checks run a few times per idle period, so a dead worker's messages
// move on soon after they qualify.
std::chrono::milliseconds claimInterval(std::chrono::milliseconds claimIdle)
{
    return std::clamp(claimIdle / 4, std::chrono::milliseconds(50), std::chrono::milliseconds(5000));
}

} // namespace

WorkerLoop::WorkerLoop(const WorkerSettings& settings, std::string consumerName)
    : m_settings(settings),
      m_queue(settings.redis, settings.backendTimeout, std::move(consumerName)),
      m_repository(settings.databaseUrl, settings.backendTimeout),
      m_random(std::random_device{}()),
      m_processor(m_queue, m_repository, m_settings, m_status,
                  [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); }),
      m_nextClaim(std::chrono::steady_clock::now()),
      m_backoff(kFirstBackoff)
{
}

void WorkerLoop::requestStop()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopping = true;
    }
    m_stopSignal.notify_all();
}

bool WorkerLoop::stopRequested()
{
    std::lock_guard lock(m_stopMutex);
    return m_stopping;
}

void WorkerLoop::pause(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_stopMutex);
    m_stopSignal.wait_for(lock, duration, [this] { return m_stopping; });
}

void WorkerLoop::backOff()
{
    pause(m_backoff);
    m_backoff = std::min(m_backoff * 2, std::chrono::milliseconds(kMaxBackoff));
}

void WorkerLoop::recovered() { m_backoff = kFirstBackoff; }

void WorkerLoop::run()
{
    if (auto created = m_queue.ensureGroup(); created)
        m_status.reportOk(WorkerStatus::Backend::Redis);
    else
        m_status.reportFailure(WorkerStatus::Backend::Redis, created.error());
    if (auto connected = m_repository.connection().connect(); connected)
        m_status.reportOk(WorkerStatus::Backend::Database);
    else
        m_status.reportFailure(WorkerStatus::Backend::Database, connected.error());
    while (!stopRequested()) {
        auto batch = nextBatch();
        if (batch.empty())
            continue;
        m_status.countBatch(batch.size());
        settleBatch(batch);
    }
}

std::vector<QueuedMessage> WorkerLoop::nextBatch()
{
    auto failed = [this](const Error& error) {
        m_status.reportFailure(WorkerStatus::Backend::Redis, error);
        backOff();
        return std::vector<QueuedMessage>{};
    };
    if (std::chrono::steady_clock::now() >= m_nextClaim) {
        m_nextClaim = std::chrono::steady_clock::now() + claimInterval(m_settings.claimIdle);
        auto claimed = m_queue.claimAbandoned(m_settings.claimIdle, kBatchSize);
        if (!claimed)
            return failed(claimed.error());
        if (!claimed->empty())
            return std::move(*claimed);
    }
    auto release = m_queue.releaseDueRetries(kBatchSize);
    if (!release)
        return failed(release.error());
    auto block = kMaxBlock;
    if (release->nextDueIn)
        block = std::clamp(*release->nextDueIn, std::chrono::milliseconds(1), block);
    auto batch = m_queue.read(kBatchSize, block);
    if (!batch)
        return failed(batch.error());
    m_status.reportOk(WorkerStatus::Backend::Redis);
    recovered();
    return std::move(*batch);
}

void WorkerLoop::settleBatch(std::vector<QueuedMessage>& batch)
{
    for (;;) {
        auto settled = m_processor.settle(batch);
        if (settled) {
            recovered();
            return;
        }
        // An outage is no message's fault: keep the batch pending and wait.
        // When stopping, leave it pending for another worker to claim.
        if (!isOutage(settled.error()) || stopRequested())
            return;
        backOff();
    }
}

} // namespace mccig
