#include "private_redis_server.h"

#include "mccig/redis/redis_sync_connection.h"

#include <QTcpServer>
#include <QThread>

#include <chrono>
#include <csignal>

namespace mccig::test {

PrivateRedisServer::PrivateRedisServer() : m_port(freePort()) {}

PrivateRedisServer::~PrivateRedisServer() { kill(); }

int PrivateRedisServer::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool PrivateRedisServer::start()
{
    RedisSyncConnection probe(RedisEndpoint{"127.0.0.1", m_port, "", 0}, std::chrono::milliseconds(200));
    if (m_process.state() == QProcess::NotRunning && probe.command({"PING"}))
        return false;
    m_process.setProgram(QStringLiteral("redis-server"));
    m_process.setArguments({QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                            QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                            QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                            m_dir.path()});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (probe.command({"PING"}))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void PrivateRedisServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // SIGKILL before SIGCONT: continued first, a frozen server would get a
    // moment to answer what it holds, and a test of "dies with work pending"
    // would see answers.
    m_process.kill();
    thaw();
    m_process.waitForFinished(5000);
}

void PrivateRedisServer::freeze()
{
    if (m_process.state() != QProcess::NotRunning)
        ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void PrivateRedisServer::thaw()
{
    if (m_process.state() != QProcess::NotRunning)
        ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

} // namespace mccig::test
