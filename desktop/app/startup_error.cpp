#include "app/startup_error.h"

#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace mccig::console {
namespace {

bool stderrIsRead()
{
#ifdef Q_OS_WIN
    return false;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

} // namespace

void showStartupError(const QString& message)
{
    std::fprintf(stderr, "mccig-console: %s\n", qPrintable(message));
    const QString platform = QGuiApplication::platformName();
    if (stderrIsRead() || platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return;
    QMessageBox::critical(nullptr, QCoreApplication::translate("StartupError", "MCC-IG Console"), message);
}

} // namespace mccig::console
