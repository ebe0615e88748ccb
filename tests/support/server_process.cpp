#include "server_process.h"

#include <sys/prctl.h>

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <csignal>

namespace mccig::test {

ServerProcess::~ServerProcess()
{
    if (running())
        stop();
}

bool ServerProcess::start(const QStringList& args)
{
    m_process.setProgram(binary());
    // The server's JSON log goes straight to the test's stderr: nothing to
    // read here, and a full pipe can never stall the server.
    m_process.setProcessChannelMode(m_logFile.isEmpty() ? QProcess::ForwardedErrorChannel
                                                         : QProcess::SeparateChannels);
    if (!m_logFile.isEmpty())
        m_process.setStandardErrorFile(m_logFile);
    m_process.setArguments(QStringList{"--listen", "127.0.0.1:0"} + args);
    // A test that crashes must not leave its servers running (they would hold
    // ports, data dirs and the test's output pipe).
    m_process.setChildProcessModifier([setup = m_childSetup] {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (setup)
            setup();
    });
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray out;
    const QDeadlineTimer deadline(30000);
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    while (!deadline.hasExpired() && running()) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_port = match.captured(1).toInt();
            return m_port > 0;
        }
    }
    qWarning("server did not start (its log is above)");
    return false;
}

int ServerProcess::waitForExit(int timeoutMs)
{
    // waitForFinished() is false for a process already seen to exit (an event loop ran meanwhile).
    if (m_process.error() == QProcess::FailedToStart || (running() && !m_process.waitForFinished(timeoutMs)))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

int ServerProcess::stop()
{
    if (!running())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    if (!running())
        return;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

QString ServerProcess::binary()
{
    // Overridable, to run a test against another build (an earlier commit, say).
    return qEnvironmentVariable("MCCIG_TEST_SERVER_BINARY", QStringLiteral(MCCIG_SERVER_BINARY));
}

ProcessOutcome ServerProcess::runToExit(const QStringList& args, int timeoutMs, const QByteArray& input)
{
    return mccig::test::runToExit(binary(), args, timeoutMs, input);
}

} // namespace mccig::test
