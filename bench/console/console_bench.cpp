// mccig-console-bench
//   startup [RUNS]: starts mccig-console RUNS times (offscreen, no profile) and
//     reports the time from process start to its first painted main window.
//   stall SERVER_URL ADMIN_KEY API_KEYS REDIS_URL [SECONDS] [RATE] [WINDOW_MIN]:
//     opens the console window on the Dashboard against a running server,
//     sends RATE req/s from another thread, and reports the longest time the
//     GUI thread did not get to run a 2 ms timer while the Dashboard refreshed
//     at 1 Hz.
#include "app/main_window.h"
#include "dashboard/dashboard_screen.h"
#include "traffic_generator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mccig::console;

static void initConsoleResources()
{
    Q_INIT_RESOURCE(mccig_console);
}

namespace {

int benchStartup(int runs)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    QList<qint64> wall;
    QList<qint64> inProcess;
    static const QRegularExpression kLine(QStringLiteral("first-paint-ms (\\d+)"));
    for (int i = 0; i < runs; ++i) {
        QProcess console;
        console.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        console.start(QStringLiteral(MCCIG_CONSOLE_BINARY), {QStringLiteral("--quit-after-first-paint")});
        QByteArray output;
        qint64 paintedAt = -1;
        while (paintedAt < 0 && console.waitForReadyRead(10000)) {
            output += console.readAllStandardOutput();
            const auto match = kLine.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                paintedAt = timer.elapsed();
                inProcess.append(match.captured(1).toLongLong());
            }
        }
        console.waitForFinished(10000);
        if (paintedAt < 0) {
            std::fprintf(stderr, "run %d: no first paint reported\n", i + 1);
            return 1;
        }
        wall.append(paintedAt);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(inProcess.begin(), inProcess.end());
    std::printf("startup to first paint over %d runs: median %lld ms, min %lld ms, max %lld ms "
                "(in-process from main(): median %lld ms)\n",
                runs, wall.at(wall.size() / 2), wall.first(), wall.last(), inProcess.at(inProcess.size() / 2));
    return 0;
}

int benchStall(const QStringList& args)
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("bench");
    profile.serverUrl = QUrl(args.at(0));
    profile.adminKey = args.at(1);
    profile.tenantKeys = parseTenantKeys(args.at(2));
    profile.redisUrl = args.at(3);
    const int seconds = args.size() > 4 ? args.at(4).toInt() : 30;
    const int rate = args.size() > 5 ? args.at(5).toInt() : 500;
    const int windowMinutes = args.size() > 6 ? args.at(6).toInt() : 5;
    MainWindow window(nullptr);
    if (const auto opened = window.openProfile(profile); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    window.resize(1440, 900);
    window.showScreen(MainWindow::DashboardPage);
    window.dashboard()->setWindowMinutes(windowMinutes);
    window.show();
    QStringList keys;
    for (const TenantKey& key : profile.tenantKeys)
        keys.append(key.key);
    mccig::bench::TrafficGenerator traffic(profile.serverUrl, keys, rate);
    traffic.start();

    constexpr int kProbeMs = 2;
    QElapsedTimer sinceLast;
    QList<qint64> gaps;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        gaps.append(sinceLast.nsecsElapsed() / 1000);
        sinceLast.start();
    });
    int refreshes = 0;
    bool measuring = false;
    // Warm-up: the first read fills the whole window at once; the steady
    // state is measured from two seconds after it.
    QObject::connect(window.dashboard(), &DashboardScreen::snapshotApplied, [&] {
        ++refreshes;
        if (measuring || refreshes != 1)
            return;
        measuring = true;
        QTimer::singleShot(2000, [&] {
            refreshes = 0;
            sinceLast.start();
            probe.start(kProbeMs);
            QTimer::singleShot(seconds * 1000, qApp, &QCoreApplication::quit);
        });
    });
    QApplication::exec();
    traffic.quit();
    traffic.wait();
    std::sort(gaps.begin(), gaps.end());
    const qint64 worstUs = gaps.isEmpty() ? 0 : gaps.last();
    const qint64 p99Us = gaps.isEmpty() ? 0 : gaps.at(int(gaps.size() * 0.99));
    const auto over = [&gaps](qint64 us) { return std::count_if(gaps.cbegin(), gaps.cend(), [us](qint64 g) { return g > us; }); };
    std::printf("dashboard at 1 Hz, %d-minute window, %d s under %d req/s (%lld sent, %lld answered), %d refreshes: "
                "longest GUI-thread stall %.1f ms (gap between %d ms timer ticks, minus the period), p99 gap %.1f ms, "
                "gaps over 50 ms: %lld, over 100 ms: %lld\n",
                windowMinutes, seconds, rate, static_cast<long long>(traffic.sent()),
                static_cast<long long>(traffic.answered()), refreshes, double(worstUs) / 1000.0 - kProbeMs, kProbeMs,
                double(p99Us) / 1000.0, static_cast<long long>(over(50000)), static_cast<long long>(over(100000)));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    initConsoleResources();
    QApplication::setOrganizationName(QStringLiteral("MCC-IG-bench"));
    QApplication::setApplicationName(QStringLiteral("mccig-console-bench"));
    const QStringList args = QApplication::arguments().mid(1);
    if (!args.isEmpty() && args.first() == QLatin1String("startup"))
        return benchStartup(args.size() > 1 ? args.at(1).toInt() : 10);
    if (args.size() >= 5 && args.first() == QLatin1String("stall"))
        return benchStall(args.mid(1));
    std::fprintf(stderr, "usage: mccig-console-bench startup [RUNS]\n"
                         "       mccig-console-bench stall SERVER_URL ADMIN_KEY API_KEYS REDIS_URL [SECONDS] [RATE] "
                         "[WINDOW_MINUTES]\n");
    return 2;
}
