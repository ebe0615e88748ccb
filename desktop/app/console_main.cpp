#include "app/console_main.h"

#include "app/first_paint_probe.h"
#include "app/language.h"
#include "app/launch_options.h"
#include "app/main_window.h"
#include "app/screenshot_tour.h"
#include "app/startup_error.h"
#include "connection/profile_store.h"
#include "connection/secret_policy.h"
#include "connection/secret_store.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

// The console library is static, so its resources are registered by hand,
// from the global namespace as Q_INIT_RESOURCE requires.
static void initConsoleResources()
{
    Q_INIT_RESOURCE(mccig_console);
}

namespace mccig::console {
namespace {

void setUpApplication()
{
    QApplication::setOrganizationName(QStringLiteral("MCC-IG"));
    QApplication::setApplicationName(QStringLiteral("mccig-console"));
    QApplication::setApplicationVersion(QStringLiteral(MCCIG_VERSION));
    // Ties the window to the installed desktop entry (icon and name in docks
    // and task switchers on Wayland); also the AppStream id and the bundle id.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.mccig.Console"));
}

// Connects to the last profile used, secrets and all.
void reconnectLastProfile(ProfileStore* store, MainWindow* window)
{
    const QString last = store->lastUsedProfileId();
    if (!last.isEmpty())
        window->switchToProfile(last);
}

} // namespace

int runConsole(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
#ifdef Q_OS_WIN
    // Qt 6.4 follows the Windows dark mode only when asked to; a platform the
    // user chose wins.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "windows:darkmode=2");
#endif
    QApplication app(argc, argv);
    initConsoleResources();
    setUpApplication();
    const auto options = parseLaunchOptions(QApplication::arguments().mid(1));
    if (!options) {
        showStartupError(options.error() + QLatin1Char('\n') + launchUsage());
        return 2;
    }
    if (options->showHelp) {
        std::fputs(qPrintable(launchUsage()), stdout);
        return 0;
    }
    if (options->showVersion) {
        std::printf("mccig-console %s\n", MCCIG_VERSION);
        return 0;
    }
    installLanguage(app, options->language.isEmpty() ? configuredLanguage() : options->language);
    ProfileStore store(nullptr);
    store.setSecrets(createSecretStore(savedSecretPolicy(), &store));
    MainWindow window(&store);
    if (options->reportFirstPaint)
        window.installEventFilter(new FirstPaintProbe(sinceStart, options->quitAfterFirstPaint, &window));
    if (options->profile) {
        if (const auto opened = window.openProfile(*options->profile); !opened) {
            showStartupError(opened.error());
            return 2;
        }
    } else {
        reconnectLastProfile(&store, &window);
    }
    window.show();
    if (!options->screenshotDir.isEmpty())
        return ScreenshotTour::run(window, options->screenshotDir);
    return QApplication::exec();
}

} // namespace mccig::console
