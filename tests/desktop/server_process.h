#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace mccig::test {

// A real mccig-server for an end-to-end test: started with QProcess on
// 127.0.0.1 port 0, ready once it prints "listening on HOST:PORT", stopped
// with SIGTERM (then killed) when destroyed.
class ServerProcess final {
public:
    struct Options {
        QString redisUrl;
        QString databaseUrl;
        QString apiKeys;      // tenant:key,...
        QString adminKey;
        QStringList extraArguments;
    };

    explicit ServerProcess(const QString& binary);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts and waits for the listening line; on failure returns the reason
    // (with the server's stderr).
    QString start(const Options& options, int timeoutMs = 30000);
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QString m_binary;
    QProcess m_process;
    QUrl m_baseUrl;
};

} // namespace mccig::test
