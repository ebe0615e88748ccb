#pragma once

#include <QProcess>
#include <QTemporaryDir>

namespace mccig::test {

// A redis-server of the test's own on 127.0.0.1:6399 (no persistence), for
// tests that kill, freeze and restart it. The destructor resumes and kills it.
class PrivateRedisServer final {
public:
    static constexpr int kPort = 6399;

    PrivateRedisServer() = default;
    ~PrivateRedisServer();
    PrivateRedisServer(const PrivateRedisServer&) = delete;
    PrivateRedisServer& operator=(const PrivateRedisServer&) = delete;

    // Starts it and waits until it answers PING; false when it does not.
    bool start();
    void kill();
    void freeze(); // SIGSTOP
    void thaw();   // SIGCONT

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace mccig::test
