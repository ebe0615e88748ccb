#include "private_postgres.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <csignal>
#include <unistd.h>

namespace mccig::test {
namespace {

QString newestPostgresBin()
{
    auto versions = QDir("/usr/lib/postgresql").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return versions.isEmpty() ? QString() : "/usr/lib/postgresql/" + versions.last() + "/bin";
}

// The parent pid of a process, from /proc.
pid_t parentOf(pid_t pid)
{
    QFile status(QString("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const auto& line : status.readAll().split('\n'))
        if (line.startsWith("PPid:"))
            return static_cast<pid_t>(line.mid(5).trimmed().toInt());
    return -1;
}

} // namespace

PrivatePostgres::PrivatePostgres(int port) : m_port(port), m_root(QDir::tempPath() + "/mccig-pg-XXXXXX"), m_binDir(newestPostgresBin()) {}

PrivatePostgres::~PrivatePostgres() { stop(); }

bool PrivatePostgres::runAsOwner(const QStringList& command, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    if (geteuid() == 0)
        process.start("runuser", QStringList{"-u", "postgres", "--"} + command);
    else
        process.start(command.first(), command.mid(1));
    return process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PrivatePostgres::start()
{
    if (!m_root.isValid() || m_binDir.isEmpty())
        return false;
    const QString root = m_root.path();
    // initdb refuses to run as root; the postgres user must own and reach the directory.
    QFile::setPermissions(root, QFile::permissions(root) | QFile::ExeOther | QFile::ReadOther);
    if (geteuid() == 0 && QProcess::execute("chown", {"postgres", root}) != 0)
        return false;
    if (!runAsOwner({m_binDir + "/initdb", "-D", root + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8"}, 120000))
        return false;
    const QString options = QString("-p %1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=%2 -c fsync=off")
                                .arg(m_port)
                                .arg(root);
    m_running = runAsOwner({m_binDir + "/pg_ctl", "-D", root + "/data", "-l", root + "/pg.log", "-o", options, "-w", "start"},
                           60000);
    return m_running;
}

void PrivatePostgres::stop()
{
    if (!m_running)
        return;
    thaw();
    runAsOwner({m_binDir + "/pg_ctl", "-D", m_root.path() + "/data", "-m", "immediate", "stop"}, 60000);
    m_running = false;
}

QString PrivatePostgres::url() const { return QString("postgresql://postgres@127.0.0.1:%1/postgres").arg(m_port); }

std::vector<pid_t> PrivatePostgres::clusterProcesses() const
{
    QFile pidFile(m_root.path() + "/data/postmaster.pid");
    if (!pidFile.open(QIODevice::ReadOnly))
        return {};
    const pid_t postmaster = static_cast<pid_t>(pidFile.readLine().trimmed().toInt());
    std::vector<pid_t> pids{postmaster};
    for (const auto& entry : QDir("/proc").entryList(QDir::Dirs)) {
        bool numeric = false;
        const pid_t pid = static_cast<pid_t>(entry.toInt(&numeric));
        if (numeric && parentOf(pid) == postmaster)
            pids.push_back(pid);
    }
    return pids;
}

void PrivatePostgres::freeze()
{
    for (const pid_t pid : clusterProcesses())
        ::kill(pid, SIGSTOP);
}

void PrivatePostgres::thaw()
{
    for (const pid_t pid : clusterProcesses())
        ::kill(pid, SIGCONT);
}

} // namespace mccig::test
