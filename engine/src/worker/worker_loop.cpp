#include "worker_loop.h"

#include "mccig/core/thread_name.h"

#include <algorithm>

namespace mccig {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBatchSize = 5000;
// Two COPYs at a time: with one, its PostgreSQL backend sat idle about a third
// of the drain, waiting for rows and commits (docs/decisions/0005).
constexpr int kSettleThreads = 2;
constexpr auto kMaxBlock = 1000ms;

// Claim checks run a few times per idle period, so a dead worker's messages
// move on soon after they qualify.
std::chrono::milliseconds claimInterval(std::chrono::milliseconds claimIdle)
{
    return std::clamp(claimIdle / 4, std::chrono::milliseconds(50), std::chrono::milliseconds(5000));
}

// A few sweeps per threshold, at most one every ten minutes.
std::chrono::milliseconds consumerSweepInterval(std::chrono::milliseconds deadConsumerIdle)
{
    return std::clamp(deadConsumerIdle / 4, std::chrono::milliseconds(50), std::chrono::milliseconds(600000));
}

} // namespace

WorkerLoop::WorkerLoop(Backend& backend, const WorkerSettings& settings, const std::string& consumerName)
    : m_settings(settings),
      m_fetchQueue(backend.eventQueue(consumerName)),
      m_acknowledger(backend.eventQueue(consumerName), m_status),
      m_nextClaim(std::chrono::steady_clock::now()),
      m_nextConsumerSweep(std::chrono::steady_clock::now())
{
    for (int i = 0; i < kSettleThreads; ++i)
        m_settlers.push_back(
            std::make_unique<BatchSettler>(backend, consumerName, m_settings, m_acknowledger, m_status));
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
    if (auto ready = m_fetchQueue->ensureReady(); ready)
        m_status.reportOk(WorkerStatus::Part::Queue);
    else
        m_status.reportFailure(WorkerStatus::Part::Queue, ready.error());
    for (auto& settler : m_settlers) {
        if (auto connected = settler->connect(); connected)
            m_status.reportOk(WorkerStatus::Part::Store);
        else
            m_status.reportFailure(WorkerStatus::Part::Store, connected.error());
    }
}

void WorkerLoop::run()
{
    connectBackends();
    m_acknowledger.start();
    std::thread fetcher([this] { fetchLoop(); });
    std::vector<std::thread> otherSettlers;
    for (std::size_t i = 1; i < m_settlers.size(); ++i)
        otherSettlers.emplace_back([this, i] { settleLoop(*m_settlers[i]); });
    settleLoop(*m_settlers.front());
    for (auto& settler : otherSettlers)
        settler.join();
    fetcher.join();
    m_acknowledger.finish();
}

void WorkerLoop::settleLoop(BatchSettler& settler)
{
    nameThisThread("mccig-settle");
    while (auto batch = takeBatch()) {
        m_status.countBatch(batch->size());
        settleBatch(settler, *batch);
    }
}

// The next fetched batch, for whichever settle thread asks first; nothing once
// stopping and no batch is left.
std::optional<std::vector<QueuedMessage>> WorkerLoop::takeBatch()
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
    nameThisThread("mccig-fetch");
    Backoff backoff;
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
        // a settle thread finishes it.
        m_fetched = std::move(batch);
        m_changed.notify_all();
    }
    std::lock_guard lock(m_mutex);
    m_fetchDone = true;
    m_changed.notify_all();
}

std::vector<QueuedMessage> WorkerLoop::nextBatch(Backoff& backoff)
{
    auto failed = [&](const Error& error) {
        m_status.reportFailure(WorkerStatus::Part::Queue, error);
        pause(backoff.current());
        backoff.grow();
        return std::vector<QueuedMessage>{};
    };
    removeDeadConsumers();
    if (std::chrono::steady_clock::now() >= m_nextClaim) {
        m_nextClaim = std::chrono::steady_clock::now() + claimInterval(m_settings.claimIdle);
        auto claimed = m_fetchQueue->claimAbandoned(m_settings.claimIdle, kBatchSize);
        if (!claimed)
            return failed(claimed.error());
        if (!claimed->empty())
            return std::move(*claimed);
    }
    auto release = m_fetchQueue->releaseDueRetries(kBatchSize);
    if (!release)
        return failed(release.error());
    auto block = kMaxBlock;
    if (release->nextDueIn)
        block = std::clamp(*release->nextDueIn, std::chrono::milliseconds(1), block);
    auto messages = m_fetchQueue->read(kBatchSize, block);
    if (!messages)
        return failed(messages.error());
    m_status.reportOk(WorkerStatus::Part::Queue);
    backoff.reset();
    return std::move(*messages);
}

// Housekeeping: a failure is reported, and waits for the next sweep.
void WorkerLoop::removeDeadConsumers()
{
    const auto now = std::chrono::steady_clock::now();
    if (now < m_nextConsumerSweep)
        return;
    m_nextConsumerSweep = now + consumerSweepInterval(m_settings.deadConsumerIdle);
    if (auto removed = m_fetchQueue->removeIdleConsumers(m_settings.deadConsumerIdle); !removed)
        m_status.reportFailure(WorkerStatus::Part::Queue, removed.error());
}

void WorkerLoop::settleBatch(BatchSettler& settler, std::vector<QueuedMessage>& batch)
{
    Backoff backoff;
    for (;;) {
        auto settled = settler.settle(batch);
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
        pause(backoff.current());
        backoff.grow();
    }
}

} // namespace mccig
