#pragma once

#include "live/live_snapshot.h"

#include <QObject>

#include <memory>

class QTimer;

namespace mccig::console {

class RedisStatsReader;

// The worker-thread half of RedisLiveSource: lives on its own QThread, owns
// the blocking reader and its timer, and reports through queued signals.
// Its slots are invoked only through queued connections from the GUI thread.
class RedisLivePoller final : public QObject {
    Q_OBJECT
public:
    explicit RedisLivePoller(const QString& redisUrl);
    ~RedisLivePoller() override;

public slots:
    void begin(int intervalMs, int windowSeconds);
    void halt();
    void setWindowSeconds(int seconds);
    void setIntervalMs(int milliseconds);
    void pollNow();

signals:
    void snapshotReady(const mccig::console::LiveSnapshot& snapshot);
    void failed(const QString& message);

private:
    QString m_url;
    std::unique_ptr<RedisStatsReader> m_reader;
    QTimer* m_timer = nullptr;
    int m_windowSeconds = 300;
};

} // namespace mccig::console
