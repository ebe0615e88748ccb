#pragma once

#include <QString>
#include <QTemporaryDir>

#include <sys/types.h>

#include <vector>

namespace mccig::test {

// A throwaway PostgreSQL cluster on 127.0.0.1:`port`, owned by one test, so
// it may be frozen (SIGSTOP) without disturbing anyone else. Runs initdb and
// pg_ctl as the postgres user when the test runs as root.
class PrivatePostgres {
public:
    explicit PrivatePostgres(int port);
    ~PrivatePostgres();
    PrivatePostgres(const PrivatePostgres&) = delete;
    PrivatePostgres& operator=(const PrivatePostgres&) = delete;

    bool start();
    void stop();
    QString url() const;

    // SIGSTOP / SIGCONT to the postmaster and every server process of the cluster.
    void freeze();
    void thaw();

private:
    bool runAsOwner(const QStringList& command, int timeoutMs);
    std::vector<pid_t> clusterProcesses() const;

    int m_port;
    QTemporaryDir m_root;
    QString m_binDir;
    bool m_running = false;
};

} // namespace mccig::test
