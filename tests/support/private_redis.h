#pragma once

#include <QString>

namespace mccig::test {

// A redis-server of a test's own on a loopback port, to stop and restart
// (the shared test Redis must stay up for the other tests). No persistence.
class PrivateRedis final {
public:
    PrivateRedis(const QString& dir, int port);
    ~PrivateRedis();
    PrivateRedis(const PrivateRedis&) = delete;
    PrivateRedis& operator=(const PrivateRedis&) = delete;

    // true once it answers PING; false when another server holds the port
    // (it is never adopted: stop() would shut down someone else's Redis).
    bool start();
    void stop(); // only the server start() started
    bool ping() const;
    int port() const { return m_port; }
    QString url(int db = 0) const;

    // A loopback TCP port nothing listens on right now.
    static int freePort();

private:
    QString m_dir;
    int m_port;
    bool m_started = false;
};

} // namespace mccig::test
