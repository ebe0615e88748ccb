#pragma once

#include "live/live_snapshot.h"

#include <QString>

#include <map>
#include <memory>

namespace mccig {
class RedisSyncConnection;
}

namespace mccig::console {

// Reads a LiveSnapshot from the server's Redis with the documented key layout
// (docs/redis-keys.md). Blocking: run it on a worker thread only. Keeps the
// per-second hashes of seconds that can no longer change, so a refresh
// re-reads only the last few seconds, not the whole window.
class RedisStatsReader final {
public:
    // `redisUrl`: redis://[:password@]host:port[/db]. Fails at read() when malformed.
    explicit RedisStatsReader(const QString& redisUrl);
    ~RedisStatsReader();
    RedisStatsReader(const RedisStatsReader&) = delete;
    RedisStatsReader& operator=(const RedisStatsReader&) = delete;

    struct Outcome {
        bool ok = false;
        QString error;
        LiveSnapshot snapshot;
    };
    Outcome read(int windowSeconds);

    // Seconds behind Redis' clock that are re-read every time (a worker may
    // still be counting into them).
    static constexpr int kMutableSeconds = 5;

private:
    bool ensureConnection(QString& error);
    bool readSeries(qint64 nowSecond, int windowSeconds, LiveSnapshot& snapshot, QString& error);
    bool readTenants(qint64 nowMicros, LiveSnapshot& snapshot, QString& error);

    QString m_url;
    std::unique_ptr<RedisSyncConnection> m_connection;
    std::map<qint64, StatsPoint> m_settled;
};

} // namespace mccig::console
