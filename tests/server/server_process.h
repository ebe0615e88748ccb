#pragma once

#include <QProcess>
#include <QStringList>

namespace mccig::test {

// The built mccig-server binary (MCCIG_SERVER_BINARY), started with the given
// arguments and --listen 127.0.0.1:0, running until stop() or destruction.
// start() waits for the "listening on" line and reads the port from it.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool start(const QStringList& args);
    // SIGTERM, then waits; returns the exit code (-1 if it had to be killed or crashed).
    int stop();
    int port() const { return m_port; }
    bool running() const { return m_process.state() == QProcess::Running; }

    // Runs the binary to completion (for flags that exit at once).
    struct Outcome {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Outcome runToExit(const QStringList& args, int timeoutMs = 30000);

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace mccig::test
