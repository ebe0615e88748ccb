#pragma once

#include <QString>

#include <map>

namespace mccig::test {

// The names `top -H` and perf show for the threads of process `pid`, each
// with how many threads carry it.
std::map<QString, int> threadNamesOf(qint64 pid);

} // namespace mccig::test
