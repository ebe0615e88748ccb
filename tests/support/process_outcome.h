#pragma once

#include <QString>
#include <QStringList>

namespace mccig::test {

// How a program run to completion ended: exit code -1 if it crashed or had to be killed.
struct ProcessOutcome {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` to its exit, with `input` as its standard input (then closed).
ProcessOutcome runToExit(const QString& program, const QStringList& args, int timeoutMs = 30000,
                         const QByteArray& input = {});

} // namespace mccig::test
