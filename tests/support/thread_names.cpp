#include "thread_names.h"

#include <QDir>
#include <QFile>

namespace mccig::test {

std::map<QString, int> threadNamesOf(qint64 pid)
{
    const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
    std::map<QString, int> names;
    for (const QString& task : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks + "/" + task + "/comm");
        if (comm.open(QIODevice::ReadOnly))
            ++names[QString::fromUtf8(comm.readAll()).trimmed()];
    }
    return names;
}

} // namespace mccig::test
