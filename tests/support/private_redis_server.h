#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace mccig::test {

// A redis-server of the test's own on a loopback port free when it was made
// (no persistence), for tests that kill, freeze and restart it; it keeps that
// port across restarts. The destructor resumes and kills it.
class PrivateRedisServer final {
public:
    PrivateRedisServer();
    ~PrivateRedisServer();
    PrivateRedisServer(const PrivateRedisServer&) = delete;
    PrivateRedisServer& operator=(const PrivateRedisServer&) = delete;

    // Starts it and waits until it answers PING; false when it does not, or
    // when another server holds the port (never adopted: kill() would not
    // reach it, and the test would run against someone else's data).
    bool start();
    void kill();
    void freeze(); // SIGSTOP
    void thaw();   // SIGCONT
    int port() const { return m_port; }
    QString url(int db = 0) const { return QStringLiteral("redis://127.0.0.1:%1/%2").arg(m_port).arg(db); }

    // A loopback TCP port nothing listens on right now.
    static int freePort();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port;
};

} // namespace mccig::test
