#include "private_redis.h"

#include <QProcess>
#include <QTcpServer>

#include <chrono>
#include <thread>

namespace mccig::test {

PrivateRedis::PrivateRedis(const QString& dir, int port)
    : m_dir(dir)
    , m_port(port)
{
}

PrivateRedis::~PrivateRedis() { stop(); }

bool PrivateRedis::start()
{
    if (ping())
        return false;
    const int code = QProcess::execute("redis-server",
                                       {"--port", QString::number(m_port), "--bind", "127.0.0.1", "--dir", m_dir,
                                        "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile",
                                        m_dir + "/redis.pid", "--logfile", m_dir + "/redis.log"});
    if (code != 0)
        return false;
    m_started = true;
    for (int i = 0; i < 50; ++i) {
        if (ping())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void PrivateRedis::stop()
{
    if (!m_started)
        return;
    m_started = false;
    QProcess::execute("redis-cli", {"-p", QString::number(m_port), "shutdown", "nosave"});
    for (int i = 0; i < 50 && ping(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

bool PrivateRedis::ping() const
{
    QProcess cli;
    cli.start("redis-cli", {"-p", QString::number(m_port), "ping"});
    return cli.waitForFinished(3000) && cli.readAllStandardOutput().trimmed() == "PONG";
}

QString PrivateRedis::url(int db) const { return QStringLiteral("redis://127.0.0.1:%1/%2").arg(m_port).arg(db); }

int PrivateRedis::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace mccig::test
