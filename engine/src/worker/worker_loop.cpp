#include "worker_loop.h"

#include <algorithm>

namespace mccig {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBatchSize = 5000;
constexpr auto kMaxBlock = 1000ms;
constexpr auto kFirstBackoff = 100ms;
constexpr auto kMaxBackoff = 2000ms;

// Claim checks run a few times per idle period, so a dead worker's messages
// move on soon after they qualify.
std::chrono::milliseconds claimInterval(std::chrono::milliseconds claimIdle)
{
    return std::clamp(claimIdle / 4, std::chrono::milliseconds(50), std::chrono::milliseconds(5000));
}

void grow(std::chrono::milliseconds& backoff) { backoff = std::min(backoff * 2, std::chrono::milliseconds(kMaxBackoff)); }

} // namespace

WorkerLoop::WorkerLoop(const WorkerSettings& settings, std::string consumerName)
    : m_settings(settings),
      m_settleQueue(settings.redis, settings.backendTimeout, consumerName),
      m_fetchQueue(settings.redis, settings.backendTimeout, consumerName),
      m_repository(settings.databaseUrl, settings.backendTimeout),
      m_acknowledger(settings, consumerName, m_status),
      m_random(std::random_device{}()),
      m_processor(m_settleQueue, m_repository, m_acknowledger, m_settings, m_status,
                  [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); }),
      m_nextClaim(std::chrono::steady_clock::now())
{
}

void WorkerLoop::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_acknowledger.requestStop();
}

void WorkerLoop::pause(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, duration, [this] { return m_stopping; });
}

void WorkerLoop::connectBackends()
{
    if (auto created = m_settleQueue.ensureGroup(); created)
        m_status.reportOk(WorkerStatus::Backend::Redis);
    else
        m_status.reportFailure(WorkerStatus::Backend::Redis, created.error());
    if (auto connected = m_repository.connection().connect(); connected)
        m_status.reportOk(WorkerStatus::Backend::Database);
    else
        m_status.reportFailure(WorkerStatus::Backend::Database, connected.error());
}

void WorkerLoop::run()
{
    connectBackends();
    m_acknowledger.start();
    std::thread fetcher([this] { fetchLoop(); });
    while (auto batch = takeBatch()) {
        m_status.countBatch(batch->size());
        settleBatch(*batch);
    }
    fetcher.join();
    m_acknowledger.finish();
}

// The next fetched batch; nothing once stopping and no batch is left.
std::optional<std::vector<BatchMessage>> WorkerLoop::takeBatch()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_fetched || m_fetchDone; });
    auto batch = std::move(m_fetched);
    m_fetched.reset();
    m_changed.notify_all();
    return batch;
}

void WorkerLoop::fetchLoop()
{
    auto backoff = std::chrono::milliseconds(kFirstBackoff);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_fetched || m_stopping; });
            if (m_stopping)
                break;
        }
        auto batch = nextBatch(backoff);
        if (batch.empty())
            continue;
        std::lock_guard lock(m_mutex);
        // Taken from the stream already: handed over even when stopping, so
        // the settle thread finishes it.
        m_fetched = std::move(batch);
        m_changed.notify_all();
    }
    std::lock_guard lock(m_mutex);
    m_fetchDone = true;
    m_changed.notify_all();
}

std::vector<BatchMessage> WorkerLoop::nextBatch(std::chrono::milliseconds& backoff)
{
    auto failed = [&](const Error& error) {
        m_status.reportFailure(WorkerStatus::Backend::Redis, error);
        pause(backoff);
        grow(backoff);
        return std::vector<BatchMessage>{};
    };
    if (std::chrono::steady_clock::now() >= m_nextClaim) {
        m_nextClaim = std::chrono::steady_clock::now() + claimInterval(m_settings.claimIdle);
        auto claimed = m_fetchQueue.claimAbandonedEntries(m_settings.claimIdle, kBatchSize);
        if (!claimed)
            return failed(claimed.error());
        if (!claimed->empty())
            return toBatch(std::move(*claimed), m_rowWriter);
    }
    auto release = m_fetchQueue.releaseDueRetries(kBatchSize);
    if (!release)
        return failed(release.error());
    auto block = kMaxBlock;
    if (release->nextDueIn)
        block = std::clamp(*release->nextDueIn, std::chrono::milliseconds(1), block);
    auto entries = m_fetchQueue.readEntries(kBatchSize, block);
    if (!entries)
        return failed(entries.error());
    m_status.reportOk(WorkerStatus::Backend::Redis);
    backoff = kFirstBackoff;
    return toBatch(std::move(*entries), m_rowWriter);
}

void WorkerLoop::settleBatch(std::vector<BatchMessage>& batch)
{
    auto backoff = std::chrono::milliseconds(kFirstBackoff);
    for (;;) {
        auto settled = m_processor.settle(batch);
        if (settled)
            return;
        // An outage is no message's fault: keep the batch pending and wait.
        // When stopping, leave it pending for another worker to claim.
        bool stopping = false;
        {
            std::lock_guard lock(m_mutex);
            stopping = m_stopping;
        }
        if (!isOutage(settled.error()) || stopping)
            return;
        pause(backoff);
        grow(backoff);
    }
}

} // namespace mccig
