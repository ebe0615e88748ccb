#include "local/local_gateway.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace mccig::console {
namespace {

// The settings a console user may have exported for their own servers must
// not reach the child: MCCIG_REDIS_URL alone would make it refuse to start.
QProcessEnvironment childEnvironment(const QString& adminKey, const QList<TenantKey>& tenantKeys)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("MCCIG_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("MCCIG_ADMIN_KEY"), adminKey);
    environment.insert(QStringLiteral("MCCIG_API_KEYS"), formatTenantKeys(tenantKeys));
    return environment;
}

struct LogLine {
    QString text;
    bool isError = false;
};

// The server logs JSON lines ({"level": ..., "msg": ..., "error": ...}); a
// start-up error is a plain "mccig-server: ..." line.
LogLine readableLogLine(const QByteArray& line)
{
    const QJsonObject entry = QJsonDocument::fromJson(line).object();
    if (entry.isEmpty())
        return {QString::fromUtf8(line).trimmed(), true};
    const QString message = entry.value(QStringLiteral("msg")).toString();
    const QString error = entry.value(QStringLiteral("error")).toString();
    const QString level = entry.value(QStringLiteral("level")).toString();
    return {error.isEmpty() ? message : QStringLiteral("%1: %2").arg(message, error),
            level == QLatin1String("error") || level == QLatin1String("warning")};
}

} // namespace

LocalGateway::LocalGateway(QObject* parent)
    : QObject(parent)
    , m_process(new QProcess(this))
    , m_startTimer(new QTimer(this))
    , m_killTimer(new QTimer(this))
    , m_serverBinary(defaultServerBinary())
    , m_dataDir(defaultDataDir())
{
    m_startTimer->setSingleShot(true);
    m_killTimer->setSingleShot(true);
    connect(m_startTimer, &QTimer::timeout, this, &LocalGateway::onStartTimeout);
    connect(m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalGateway::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &LocalGateway::readLog);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_state == State::Starting)
            fail(tr("mccig-server did not start: %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, int(status)); });
}

LocalGateway::~LocalGateway()
{
    // No signal may reach a half-destroyed owner.
    m_process->disconnect(this);
    const QSignalBlocker quiet(this);
    stopAndWait();
}

QString LocalGateway::defaultServerBinary()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("mccig-server.exe");
#else
    const QString name = QStringLiteral("mccig-server");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

QString LocalGateway::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("local-gateway"));
}

qint64 LocalGateway::processId() const { return m_process->processId(); }

void LocalGateway::start(const QString& adminKey, const QList<TenantKey>& tenantKeys)
{
    if (m_state != State::Stopped && m_state != State::Failed)
        return;
    m_adminKey = adminKey;
    m_tenantKeys = tenantKeys;
    m_url.clear();
    m_failure.clear();
    m_output.clear();
    m_logTail.clear();
    m_logLines.clear();
    m_lastError.clear();
    const QFileInfo binary(m_serverBinary);
    if (!binary.isFile() || !binary.isExecutable()) {
        fail(tr("The local gateway needs mccig-server, which is not at %1: reinstall the console, "
                "or connect to a server over HTTP.")
                 .arg(QDir::toNativeSeparators(m_serverBinary)));
        return;
    }
    if (!QDir().mkpath(m_dataDir)) {
        fail(tr("The local gateway's data folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_dataDir)));
        return;
    }
    m_process->setProgram(m_serverBinary);
    // No shutdown grace: nothing balances load in front of it, so a stop is
    // at once. Simulation mode: it is a test bench, where a message with
    // metadata.simulateFailure exercises the retries and the DLQ. A console
    // killed without a chance to stop its child (SIGKILL, a crash) must not
    // leave the server holding the data dir: the system closes our end of
    // the server's stdin, which --stop-with-stdin watches, on every platform.
    m_process->setArguments({QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0"), QStringLiteral("--shutdown-grace"), QStringLiteral("0"),
                             QStringLiteral("--simulation-mode"), QStringLiteral("--stop-with-stdin")});
    m_process->setProcessEnvironment(childEnvironment(adminKey, tenantKeys));
    setState(State::Starting);
    m_startTimer->start(kStartTimeoutMs);
    m_process->start();
}

void LocalGateway::stop()
{
    if (m_process->state() == QProcess::NotRunning) {
        m_startTimer->stop();
        setState(State::Stopped);
        return;
    }
    if (m_state == State::Stopping)
        return;
    m_startTimer->stop();
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer->start(kStopTimeoutMs);
}

void LocalGateway::stopAndWait()
{
    stop();
    if (m_process->state() == QProcess::NotRunning)
        return;
    if (!m_process->waitForFinished(kStopTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(kStopTimeoutMs);
    }
}

void LocalGateway::readOutput()
{
    const QByteArray output = m_process->readAllStandardOutput();
    if (m_state != State::Starting)
        return; // read and dropped, so the pipe never fills
    m_output += output;
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)\\s"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
    if (!match.hasMatch())
        return;
    m_startTimer->stop();
    m_output.clear();
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1)));
    setState(State::Running);
}

void LocalGateway::readLog()
{
    m_logTail += m_process->readAllStandardError();
    qsizetype end = 0;
    while ((end = m_logTail.indexOf('\n')) >= 0) {
        const LogLine line = readableLogLine(m_logTail.left(end));
        m_logTail.remove(0, end + 1);
        if (line.text.isEmpty())
            continue;
        if (line.isError)
            m_lastError = line.text;
        m_logLines.append(line.text);
        if (m_logLines.size() > kKeptLogLines)
            m_logLines.removeFirst();
    }
}

void LocalGateway::onFinished(int exitCode, int exitStatus)
{
    m_startTimer->stop();
    m_killTimer->stop();
    readLog();
    m_url.clear();
    if (m_state == State::Stopping || m_state == State::Failed) {
        if (m_state == State::Stopping)
            setState(State::Stopped);
        return;
    }
    const QString how = exitStatus == QProcess::CrashExit
                            ? tr("mccig-server was killed")
                            : tr("mccig-server exited with code %1").arg(exitCode);
    fail(m_lastError.isEmpty() ? tr("%1.").arg(how) : tr("%1: %2").arg(how, m_lastError));
}

void LocalGateway::onStartTimeout()
{
    fail(tr("mccig-server did not report its port within %1 seconds.").arg(kStartTimeoutMs / 1000));
    m_process->kill();
}

void LocalGateway::fail(const QString& reason)
{
    m_startTimer->stop();
    m_failure = reason;
    setState(State::Failed);
}

void LocalGateway::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace mccig::console
