#pragma once

#include "process_outcome.h"

#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace mccig::test {

// The built mccig-server binary, started with the given arguments and
// --listen 127.0.0.1:0 (and its default of no shutdown grace), running until stop() or destruction. start() waits for
// the "listening on" line and reads the port from it. The server's JSON log
// goes to the test's stderr.
class ServerProcess final {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool start(const QStringList& args);
    // Before start(): the server's log goes to this file instead of the test's stderr.
    void logTo(const QString& path) { m_logFile = path; }
    // Before start(): runs in the child between fork and exec (system calls
    // only: the parent has threads), e.g. to give the server its own mounts.
    void setUpChild(std::function<void()> setup) { m_childSetup = std::move(setup); }
    // SIGTERM, then waits; returns the exit code (-1 if it had to be killed or crashed).
    int stop();
    // Waits for an exit the test caused itself (a signal it sent); -1 when the
    // process is still running after `timeoutMs`, or crashed.
    int waitForExit(int timeoutMs);
    // SIGKILL: the process dies without a chance to clean up, as in a crash.
    void kill();
    // Closes the pipe to the server's standard input, as a parent's death would.
    void closeInput() { m_process.closeWriteChannel(); }
    int port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    bool running() const { return m_process.state() == QProcess::Running; }
    qint64 processId() const { return m_process.processId(); }

    // The built mccig-server, or $MCCIG_TEST_SERVER_BINARY when set.
    static QString binary();
    // Runs the binary to completion (for flags that exit at once).
    static ProcessOutcome runToExit(const QStringList& args, int timeoutMs = 30000, const QByteArray& input = {});

private:
    QProcess m_process;
    int m_port = 0;
    QString m_logFile;
    std::function<void()> m_childSetup;
};

} // namespace mccig::test
