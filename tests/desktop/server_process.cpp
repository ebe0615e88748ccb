#include "server_process.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace mccig::test {

ServerProcess::ServerProcess(const QString& binary) : m_binary(binary) {}

ServerProcess::~ServerProcess() { stop(); }

QString ServerProcess::start(const Options& options, int timeoutMs)
{
    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    arguments << QStringLiteral("--redis-url") << options.redisUrl << QStringLiteral("--database-url")
              << options.databaseUrl;
    if (!options.apiKeys.isEmpty())
        arguments << QStringLiteral("--api-keys") << options.apiKeys;
    if (!options.adminKey.isEmpty())
        arguments << QStringLiteral("--admin-key") << options.adminKey;
    arguments << options.extraArguments;
    m_process.setProgram(m_binary);
    m_process.setArguments(arguments);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("cannot start %1: %2").arg(m_binary, m_process.errorString());
    static const QRegularExpression kListening(QStringLiteral("listening on ([0-9.]+):(\\d+)"));
    QByteArray output;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        output += m_process.readAllStandardOutput();
        const auto match = kListening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(QStringLiteral("http://%1:%2").arg(match.captured(1), match.captured(2)));
            return {};
        }
    }
    const QString errors = QString::fromUtf8(m_process.readAllStandardError()).right(2000);
    stop();
    return QStringLiteral("mccig-server did not report listening: %1").arg(errors);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(12000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

} // namespace mccig::test
