#pragma once

#include "connection/connection_profile.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

class QProcess;
class QTimer;

namespace mccig::console {

// The console's own mccig-server on the embedded backend, run as a child
// process: it listens on 127.0.0.1 on a port the system picks (read from its
// "listening on" line), keeps its data in one folder and runs in simulation
// mode (metadata.simulateFailure fails a message, for trying the DLQ). The keys reach it
// through its environment, never its command line, and no MCCIG_* variable
// of the console's environment leaks into it (a Redis URL there would switch
// its backend). Owns the process; the process never outlives the console: it
// is stopped when this object goes, and stops itself when the console dies
// first (its stdin, a pipe from us, closes: --stop-with-stdin). GUI thread only.
class LocalGateway final : public QObject {
    Q_OBJECT
public:
    enum class State {
        Stopped,
        Starting,
        Running,
        Stopping,
        Failed, // did not start, or died on its own: failure() says why
    };

    explicit LocalGateway(QObject* parent = nullptr);
    // Stops the server and waits for it (a few seconds at most).
    ~LocalGateway() override;

    // mccig-server next to the console's executable.
    static QString defaultServerBinary();
    // "local-gateway" in the console's per-user data folder.
    static QString defaultDataDir();
    void setServerBinary(const QString& path) { m_serverBinary = path; }
    QString serverBinary() const { return m_serverBinary; }
    void setDataDir(const QString& path) { m_dataDir = path; }
    QString dataDir() const { return m_dataDir; }

    // Starts the server with these keys when it is Stopped or Failed; the
    // state becomes Starting, then Running or Failed.
    void start(const QString& adminKey, const QList<TenantKey>& tenantKeys);
    // SIGTERM, and a kill if the server has not stopped after kStopTimeoutMs;
    // the state becomes Stopping, then Stopped.
    void stop();
    // stop() that returns only once the process is gone (for quitting).
    void stopAndWait();

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Starting || m_state == State::Running; }
    // http://127.0.0.1:PORT while Running.
    QUrl url() const { return m_url; }
    // Why the last start failed or the server died, one sentence.
    QString failure() const { return m_failure; }
    // The server's last log lines (stderr), oldest first, for a tooltip.
    QStringList lastLogLines() const { return m_logLines; }
    qint64 processId() const;
    // Whether the last start() was given these keys.
    bool startedWith(const QString& adminKey, const QList<TenantKey>& tenantKeys) const
    {
        return adminKey == m_adminKey && tenantKeys == m_tenantKeys;
    }

    static constexpr int kStartTimeoutMs = 30000;
    static constexpr int kStopTimeoutMs = 10000;
    static constexpr int kKeptLogLines = 20;

signals:
    void stateChanged(mccig::console::LocalGateway::State state);

private:
    void readOutput();
    void readLog();
    void onFinished(int exitCode, int exitStatus);
    void onStartTimeout();
    void fail(const QString& reason);
    void setState(State state);

    QProcess* m_process = nullptr;
    QTimer* m_startTimer = nullptr;
    QTimer* m_killTimer = nullptr;
    QString m_serverBinary;
    QString m_dataDir;
    QString m_adminKey;
    QList<TenantKey> m_tenantKeys;
    State m_state = State::Stopped;
    QUrl m_url;
    QString m_failure;
    QByteArray m_output;   // stdout until the "listening on" line
    QByteArray m_logTail;  // an unfinished stderr line
    QStringList m_logLines;
    QString m_lastError; // the last warning or error the server logged
};

} // namespace mccig::console
