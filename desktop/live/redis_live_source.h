#pragma once

#include "live/live_source.h"

#include <QThread>

namespace mccig::console {

class RedisLivePoller;

// LiveSource reading the server's Redis directly. The blocking reads run on a
// private QThread; results come back as queued signals. Create, control and
// destroy it on the GUI thread. Destruction does not wait for a read in
// progress (it may take up to the Redis timeout): the thread ends after it and
// frees the poller and itself.
class RedisLiveSource final : public LiveSource {
    Q_OBJECT
public:
    explicit RedisLiveSource(const QString& redisUrl, QObject* parent = nullptr);
    ~RedisLiveSource() override;

    void start() override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    void setWindowSeconds(int seconds) override;
    void setIntervalMs(int milliseconds) override;
    void refreshNow() override;

private:
    QThread* m_thread = nullptr;         // deletes itself once finished
    RedisLivePoller* m_poller = nullptr; // lives on m_thread, deleted when it finishes
    bool m_running = false;
    int m_windowSeconds = 300;
    int m_intervalMs = 1000;
};

} // namespace mccig::console
