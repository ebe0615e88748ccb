#include "live/redis_live_source.h"

#include "live/redis_live_poller.h"

namespace mccig::console {

RedisLiveSource::RedisLiveSource(const QString& redisUrl, QObject* parent)
    : LiveSource(parent), m_poller(new RedisLivePoller(redisUrl))
{
    qRegisterMetaType<LiveSnapshot>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("redis-live"));
    m_poller->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_poller, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_poller, &RedisLivePoller::snapshotReady, this, &LiveSource::snapshotReady, Qt::QueuedConnection);
    connect(m_poller, &RedisLivePoller::failed, this, &LiveSource::failed, Qt::QueuedConnection);
    m_thread->start();
}

RedisLiveSource::~RedisLiveSource()
{
    // The queued signals to this object are dropped by Qt once it is gone.
    m_thread->quit();
}

void RedisLiveSource::start()
{
    m_running = true;
    QMetaObject::invokeMethod(m_poller, [poller = m_poller, interval = m_intervalMs, window = m_windowSeconds] {
        poller->begin(interval, window);
    }, Qt::QueuedConnection);
}

void RedisLiveSource::stop()
{
    m_running = false;
    QMetaObject::invokeMethod(m_poller, &RedisLivePoller::halt, Qt::QueuedConnection);
}

void RedisLiveSource::setWindowSeconds(int seconds)
{
    m_windowSeconds = seconds;
    QMetaObject::invokeMethod(m_poller, [poller = m_poller, seconds] { poller->setWindowSeconds(seconds); },
                              Qt::QueuedConnection);
}

void RedisLiveSource::setIntervalMs(int milliseconds)
{
    m_intervalMs = milliseconds;
    QMetaObject::invokeMethod(m_poller, [poller = m_poller, milliseconds] { poller->setIntervalMs(milliseconds); },
                              Qt::QueuedConnection);
}

void RedisLiveSource::refreshNow()
{
    QMetaObject::invokeMethod(m_poller, &RedisLivePoller::pollNow, Qt::QueuedConnection);
}

} // namespace mccig::console
