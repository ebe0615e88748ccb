#include "app/console_main.h"

#include "app/first_paint_probe.h"
#include "app/language.h"
#include "app/launch_options.h"
#include "app/main_window.h"
#include "app/screenshot_tour.h"
#include "connection/keychain_secret_store.h"
#include "connection/profile_store.h"
#include "connection/settings_secret_store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStyleFactory>

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
    // Fusion draws the platform theme's palette faithfully, light or dark.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

// Picks the keychain when the platform has one, else plain settings (the
// window then says so), and connects to the last profile.
void chooseSecretStore(ProfileStore* store, MainWindow* window)
{
    KeychainSecretStore::probe(store, [store, window](bool available) {
        if (available)
            store->setSecrets(new KeychainSecretStore(store));
        else
            store->setSecrets(new SettingsSecretStore(store));
        const QString last = store->lastUsedProfileId();
        if (last.isEmpty())
            return;
        store->loadProfile(last, [window](const ConnectionProfile& profile) {
            if (!profile.id.isEmpty())
                (void)window->openProfile(profile);
        });
    });
}

int runScreenshots(MainWindow& window, const QString& directory)
{
    window.resize(1440, 900);
    auto* tour = new ScreenshotTour(&window, directory, &window);
    int written = 0;
    QObject::connect(tour, &ScreenshotTour::finished, &window, [&written](int count) {
        written = count;
        QApplication::quit();
    });
    tour->start();
    QApplication::exec();
    std::printf("wrote %d screenshots to %s\n", written, qPrintable(directory));
    return written == MainWindow::PageCount ? 0 : 1;
}

} // namespace

int runConsole(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
#ifdef Q_OS_WIN
    // Qt 6.4 follows the Windows dark mode only when asked to.
    qputenv("QT_QPA_PLATFORM", "windows:darkmode=2");
#endif
    QApplication app(argc, argv);
    initConsoleResources();
    setUpApplication();
    const auto options = parseLaunchOptions(QApplication::arguments().mid(1));
    if (!options) {
        std::fprintf(stderr, "mccig-console: %s\n%s", qPrintable(options.error()), qPrintable(launchUsage()));
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
    MainWindow window(options->profile ? nullptr : &store);
    if (options->reportFirstPaint)
        window.installEventFilter(new FirstPaintProbe(sinceStart, options->quitAfterFirstPaint, &window));
    if (options->profile) {
        if (const auto opened = window.openProfile(*options->profile); !opened) {
            std::fprintf(stderr, "mccig-console: %s\n", qPrintable(opened.error()));
            return 2;
        }
    } else {
        chooseSecretStore(&store, &window);
    }
    window.show();
    if (!options->screenshotDir.isEmpty())
        return runScreenshots(window, options->screenshotDir);
    return QApplication::exec();
}

} // namespace mccig::console
