#include "live/redis_live_poller.h"

#include "live/redis_stats_reader.h"

#include <QTimer>

namespace mccig::console {

RedisLivePoller::RedisLivePoller(const QString& redisUrl) : m_url(redisUrl) {}

RedisLivePoller::~RedisLivePoller() = default;

void RedisLivePoller::begin(int intervalMs, int windowSeconds)
{
    // Created here, on the worker thread, so the reader's socket and the
    // timer belong to the thread that uses them.
    if (!m_reader)
        m_reader = std::make_unique<RedisStatsReader>(m_url);
    if (m_timer == nullptr) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &RedisLivePoller::pollNow);
    }
    m_windowSeconds = windowSeconds;
    m_timer->start(intervalMs);
    pollNow();
}

void RedisLivePoller::halt()
{
    if (m_timer != nullptr)
        m_timer->stop();
}

void RedisLivePoller::setWindowSeconds(int seconds) { m_windowSeconds = seconds; }

void RedisLivePoller::setIntervalMs(int milliseconds)
{
    if (m_timer != nullptr && m_timer->isActive())
        m_timer->start(milliseconds);
}

void RedisLivePoller::pollNow()
{
    if (!m_reader)
        m_reader = std::make_unique<RedisStatsReader>(m_url);
    RedisStatsReader::Outcome outcome = m_reader->read(m_windowSeconds);
    if (outcome.ok)
        emit snapshotReady(outcome.snapshot);
    else
        emit failed(outcome.error);
}

} // namespace mccig::console
