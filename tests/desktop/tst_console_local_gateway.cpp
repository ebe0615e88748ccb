#include "app/connection_status.h"
#include "app/console_session.h"
#include "app/main_window.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "dlq/dlq_screen.h"
#include "models/dlq_table_model.h"
#include "connection/profile_store.h"
#include "connection/secret_store.h"
#include "local/local_gateway.h"
#include "local/local_profile.h"
#include "playground/payload_templates.h"
#include "playground/playground_screen.h"
#include "replay/replay_screen.h"
#include "server_process.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <csignal>

Q_DECLARE_METATYPE(mccig::console::ApiResponse)

using namespace mccig::console;

namespace {

constexpr int kWaitMs = 60000;

// The ids of the mccig-server processes running on `dataDir`, from /proc.
// A zombie has no command line, so only live processes count.
QList<qint64> serversOn(const QString& dataDir)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!numeric || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        const qsizetype flag = args.indexOf(QByteArrayLiteral("--data-dir"));
        if (!args.isEmpty() && args.first().endsWith("mccig-server") && flag >= 0 && flag + 1 < args.size() &&
            QString::fromLocal8Bit(args.at(flag + 1)) == dataDir)
            found.append(pid);
    }
    return found;
}

// Whether process `pid` has a TCP socket in the LISTEN state: its socket
// inodes (/proc/PID/fd) against the listeners in /proc/net/tcp.
bool listens(qint64 pid)
{
    QSet<QByteArray> sockets;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QFileInfo& fd : fds.entryInfoList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = fd.symLinkTarget();
        const QString name = QFileInfo(target).fileName();
        if (name.startsWith(QLatin1String("socket:[")))
            sockets.insert(name.mid(8).chopped(1).toLatin1());
    }
    QFile tcp(QStringLiteral("/proc/net/tcp"));
    if (!tcp.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : tcp.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        constexpr qsizetype kState = 3;
        constexpr qsizetype kInode = 9;
        if (fields.size() > kInode && fields.at(kState) == "0A" && sockets.contains(fields.at(kInode)))
            return true;
    }
    return false;
}

ApiResponse sendAndWait(ConsoleBackend* backend, const ApiRequest& request)
{
    PendingCall* call = backend->send(request);
    QSignalSpy spy(call, &PendingCall::finished);
    if (!spy.wait(20000))
        qFatal("request %s timed out", qPrintable(request.path));
    return spy.at(0).at(0).value<ApiResponse>();
}

// How many stored events the admin API lists for the local tenant and `id`.
int storedEvents(ConsoleBackend* backend, const QString& id)
{
    ApiRequest events;
    events.path = QStringLiteral("/v1/admin/events");
    events.query.addQueryItem(QStringLiteral("tenantId"), QString::fromLatin1(LocalProfile::kTenantId));
    events.query.addQueryItem(QStringLiteral("providerMessageId"), id);
    events.auth = ApiAuth::Admin;
    const ApiResponse response = sendAndWait(backend, events);
    if (response.status != 200)
        return -1;
    return int(QJsonDocument::fromJson(response.body).object().value(QStringLiteral("items")).toArray().size());
}

// Sends the sms template from the playground and returns its message id, or
// an empty string when the answer was not 202.
QString sendFromThePlayground(MainWindow& window)
{
    PlaygroundScreen* playground = window.playground();
    playground->setChannel(QStringLiteral("sms"));
    playground->newMessageId();
    if (!playground->selectTenant(QString::fromLatin1(LocalProfile::kTenantId)))
        return {};
    QSignalSpy shown(playground, &PlaygroundScreen::responseShown);
    playground->send();
    if (!shown.wait(20000) || shown.at(0).at(0).toInt() != 202)
        return {};
    return providerMessageIdOf(playground->payload());
}

} // namespace

class LocalGatewayTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void aPlaygroundMessageIsStoredAndQuittingLeavesNoServer();
    void aKilledGatewayIsReportedAndRestartsWithItsData();
    void aSimulatedFailureReachesTheDlqScreen();
    void replayVerificationPassesOnTheLocalGateway();
    void stopEndsTheSessionAndTheServer();
    void aMissingServerBinaryIsAClearError();
    void aServerThatExitsAtStartIsReportedWithItsMessage();
    void killingTheConsoleStopsItsServer();
    void theGatewayLineFitsTheSmallestWindow_data();
    void theGatewayLineFitsTheSmallestWindow();

private:
    // A window whose gateway runs the built server on a fresh data dir.
    void useBuiltServer(MainWindow& window);

    std::unique_ptr<QTemporaryDir> m_data;
};

void LocalGatewayTest::initTestCase()
{
    qRegisterMetaType<ApiResponse>();
    QCoreApplication::setOrganizationName(QStringLiteral("MCC-IG-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_local_gateway"));
    Q_INIT_RESOURCE(mccig_console);
}

void LocalGatewayTest::init()
{
    QSettings().clear();
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
}

void LocalGatewayTest::useBuiltServer(MainWindow& window)
{
    window.localGateway()->setServerBinary(mccig::test::ServerProcess::binary());
    window.localGateway()->setDataDir(m_data->filePath(QStringLiteral("local-gateway")));
}

void LocalGatewayTest::aPlaygroundMessageIsStoredAndQuittingLeavesNoServer()
{
    const QString dataDir = m_data->filePath(QStringLiteral("local-gateway"));
    MainWindow window(nullptr);
    useBuiltServer(window);
    QCOMPARE(window.localGatewayAction()->text(), QStringLiteral("Start &Local Gateway"));
    window.localGatewayAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    QCOMPARE(window.localGateway()->state(), LocalGateway::State::Running);
    QCOMPARE(window.localGatewayAction()->text(), QStringLiteral("Stop &Local Gateway"));
    const ConnectionProfile& profile = window.session()->profile();
    QCOMPARE(profile.kind, ProfileKind::LocalGateway);
    QCOMPARE(profile.serverUrl, window.localGateway()->url());
    QCOMPARE(profile.serverUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(profile.serverUrl.port() > 0);
    QVERIFY(!profile.hasRedis());
    QCOMPARE(serversOn(dataDir), QList<qint64>{window.localGateway()->processId()});
    // The keys were made up and reach neither the command line nor the settings in plain text.
    QVERIFY(!profile.adminKey.isEmpty());
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(window.localGateway()->processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(!cmdline.readAll().contains(profile.adminKey.toUtf8()));
    // Live figures come from the admin API, which takes the made-up admin key.
    using State = ConnectionStatus::State;
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->admin(), State::Good, kWaitMs);
    QCOMPARE(window.connectionStatus()->redis(), State::NotConfigured);

    const QString id = sendFromThePlayground(window);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(storedEvents(window.session()->backend(), id), 1, kWaitMs);

    window.close();
    QCOMPARE(window.localGateway()->state(), LocalGateway::State::Stopped);
    QVERIFY(window.session() == nullptr);
    QCOMPARE(serversOn(dataDir), QList<qint64>());
}

void LocalGatewayTest::aKilledGatewayIsReportedAndRestartsWithItsData()
{
    MainWindow window(nullptr);
    useBuiltServer(window);
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    const QString id = sendFromThePlayground(window);
    QVERIFY(!id.isEmpty());
    const qint64 first = window.localGateway()->processId();
    QVERIFY(::kill(pid_t(first), SIGKILL) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.localGateway()->state(), LocalGateway::State::Failed, kWaitMs);
    QCOMPARE(window.localGateway()->failure(), QStringLiteral("mccig-server was killed."));
    QVERIFY(window.session() == nullptr);
    QVERIFY(window.bannerText().startsWith(QStringLiteral("The local gateway stopped: mccig-server was killed.")));
    QVERIFY(window.bannerText().contains(QStringLiteral("<a href=\"restart-local-gateway\">Restart it</a>")));
    auto* status = window.findChild<QLabel*>(QStringLiteral("localGatewayStatus"));
    QVERIFY(status != nullptr && !status->isHidden());
    QCOMPARE(status->text(), QStringLiteral("Local gateway: stopped"));
    QVERIFY(status->toolTip().startsWith(QStringLiteral("mccig-server was killed.")));
    QCOMPARE(window.localGatewayAction()->text(), QStringLiteral("Restart &Local Gateway"));

    // The banner's link restarts it, on the same data and keys.
    auto* banner = window.findChild<QLabel*>(QStringLiteral("banner"));
    emit banner->linkActivated(QStringLiteral("restart-local-gateway"));
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    QVERIFY(window.localGateway()->processId() != first);
    QCOMPARE(status->text(), QStringLiteral("Local gateway: running on %1").arg(window.localGateway()->url().authority()));
    QTRY_COMPARE_WITH_TIMEOUT(storedEvents(window.session()->backend(), id), 1, kWaitMs);
}

// The gateway runs in simulation mode, so the DLQ can be tried out locally.
void LocalGatewayTest::aSimulatedFailureReachesTheDlqScreen()
{
    MainWindow window(nullptr);
    useBuiltServer(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    PlaygroundScreen* playground = window.playground();
    playground->setChannel(QStringLiteral("sms"));
    QVERIFY(playground->selectTenant(QString::fromLatin1(LocalProfile::kTenantId)));
    QJsonObject failing = QJsonDocument::fromJson(playground->payload()).object();
    failing.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("simulateFailure"), true}});
    playground->setPayload(QJsonDocument(failing).toJson());
    QSignalSpy shown(playground, &PlaygroundScreen::responseShown);
    playground->send();
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.at(0).at(0).toInt(), 202);
    window.showScreen(MainWindow::DlqPage);
    QTRY_COMPARE_WITH_TIMEOUT(window.dlq()->model()->totalCount(), 1, kWaitMs);
    QCOMPARE(storedEvents(window.session()->backend(), providerMessageIdOf(playground->payload())), 0);
}

// 40 concurrent copies of one message on the embedded backend: one 202, 39
// duplicates, one stored row.
void LocalGatewayTest::replayVerificationPassesOnTheLocalGateway()
{
    MainWindow window(nullptr);
    useBuiltServer(window);
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    ReplayScreen* replay = window.replay();
    replay->setPlan(QStringLiteral("chat"), QString::fromLatin1(LocalProfile::kTenantId),
                    payloadTemplate(QStringLiteral("chat")), 40, 8);
    QSignalSpy verdicts(replay, &ReplayScreen::verdictReady);
    replay->run();
    QVERIFY(verdicts.wait(kWaitMs));
    const ReplayVerdict verdict = replay->lastVerdict();
    QVERIFY2(verdict.passed(), qPrintable(verdict.evidence));
    QCOMPARE(verdict.accepted, 1);
    QCOMPARE(verdict.duplicates, 39);
    QCOMPARE(verdict.storedRows, std::optional<qint64>(1));
}

void LocalGatewayTest::stopEndsTheSessionAndTheServer()
{
    const QString dataDir = m_data->filePath(QStringLiteral("local-gateway"));
    MainWindow window(nullptr);
    useBuiltServer(window);
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    const ConnectionProfile first = window.session()->profile();
    window.localGatewayAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.localGateway()->state(), LocalGateway::State::Stopped, kWaitMs);
    QVERIFY(window.session() == nullptr);
    QCOMPARE(serversOn(dataDir), QList<qint64>());
    QCOMPARE(window.localGatewayAction()->text(), QStringLiteral("Start &Local Gateway"));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("localGatewayStatus"))->isHidden());
    // The profile was made once, and is used again with its keys.
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    QCOMPARE(window.session()->profile().id, first.id);
    QCOMPARE(window.session()->profile().adminKey, first.adminKey);
    const QList<ConnectionProfile> saved = ProfileStore(nullptr).profilesWithoutSecrets();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).kind, ProfileKind::LocalGateway);
    QCOMPARE(saved.at(0).name, QStringLiteral("Local"));
}

void LocalGatewayTest::aMissingServerBinaryIsAClearError()
{
    MainWindow window(nullptr);
    const QString missing = m_data->filePath(QStringLiteral("bin/mccig-server"));
    window.localGateway()->setServerBinary(missing);
    window.localGateway()->setDataDir(m_data->filePath(QStringLiteral("local-gateway")));
    const QString reason = QStringLiteral("The local gateway needs mccig-server, which is not at %1: reinstall the "
                                          "console, or connect to a server over HTTP.")
                               .arg(QDir::toNativeSeparators(missing));
    const auto opened = window.openProfile(LocalProfile::create());
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error(), reason);
    QCOMPARE(window.localGateway()->state(), LocalGateway::State::Failed);
    QVERIFY(window.session() == nullptr);
    QVERIFY(window.bannerText().contains(reason));
    // A file that is there but cannot be run is refused the same way.
    QDir().mkpath(m_data->filePath(QStringLiteral("bin")));
    QFile notAProgram(missing);
    QVERIFY(notAProgram.open(QIODevice::WriteOnly));
    notAProgram.write("not a program");
    notAProgram.close();
    QCOMPARE(window.openProfile(LocalProfile::create()).error(), reason);
}

// A second gateway on a data dir in use: the server exits 2 naming the
// holder, and the console passes that on.
void LocalGatewayTest::aServerThatExitsAtStartIsReportedWithItsMessage()
{
    LocalGateway first;
    first.setServerBinary(mccig::test::ServerProcess::binary());
    first.setDataDir(m_data->filePath(QStringLiteral("shared")));
    const QList<TenantKey> keys{{QStringLiteral("local"), QStringLiteral("k")}};
    first.start(QStringLiteral("admin"), keys);
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), LocalGateway::State::Running, kWaitMs);
    LocalGateway second;
    second.setServerBinary(first.serverBinary());
    second.setDataDir(first.dataDir());
    second.start(QStringLiteral("admin"), keys);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), LocalGateway::State::Failed, kWaitMs);
    QVERIFY2(second.failure().startsWith(QStringLiteral("mccig-server exited with code 2: ")), qPrintable(second.failure()));
    QVERIFY2(second.failure().contains(QString::number(first.processId())), qPrintable(second.failure()));
    QCOMPARE(first.state(), LocalGateway::State::Running);
}

// The console dies without stopping anything (SIGKILL): the kernel stops its
// server. Runs the built console on a settings folder of its own, where the
// last profile used is a local one, so it starts the gateway on its own.
void LocalGatewayTest::killingTheConsoleStopsItsServer()
{
    const QString config = m_data->filePath(QStringLiteral("config"));
    const QString data = m_data->filePath(QStringLiteral("data"));
    {
        QSettings settings(config + QStringLiteral("/MCC-IG/mccig-console.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("secretsPolicy"), QStringLiteral("plaintext"));
        settings.beginWriteArray(QStringLiteral("profiles"), 1);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("id"), QStringLiteral("local-profile"));
        settings.setValue(QStringLiteral("name"), QStringLiteral("Local"));
        settings.setValue(QStringLiteral("kind"), QStringLiteral("local"));
        settings.endArray();
        settings.setValue(QStringLiteral("lastProfile"), QStringLiteral("local-profile"));
    }
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    console.setProcessChannelMode(QProcess::ForwardedChannels);
    console.start(QStringLiteral(MCCIG_CONSOLE_BINARY), QStringList{});
    QVERIFY(console.waitForStarted(10000));
    const QString dataDir = data + QStringLiteral("/MCC-IG/mccig-console/local-gateway");
    QTRY_COMPARE_WITH_TIMEOUT(serversOn(dataDir).size(), 1, kWaitMs);
    // Killed only once its server is up and quiet: one still starting might
    // die of a closed log pipe instead, which would prove nothing.
    const qint64 server = serversOn(dataDir).at(0);
    QTRY_VERIFY_WITH_TIMEOUT(listens(server), kWaitMs);
    console.kill();
    QVERIFY(console.waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(serversOn(dataDir), QList<qint64>(), kWaitMs);
}

void LocalGatewayTest::theGatewayLineFitsTheSmallestWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
}

// The status bar gains the gateway's line beside the connection's: together
// they still fit the 1024×700 window every screen is made for.
void LocalGatewayTest::theGatewayLineFitsTheSmallestWindow()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/mccig_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const auto removeTranslator = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    const QSize smallest(1024, 700);
    MainWindow window(nullptr);
    useBuiltServer(window);
    window.resize(smallest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startLocalGateway();
    QTRY_VERIFY_WITH_TIMEOUT(window.session() != nullptr, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->admin(), ConnectionStatus::State::Good, kWaitMs);
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("localGatewayStatus"))->isVisible());
    QVERIFY2(window.minimumSizeHint().width() <= smallest.width(),
             qPrintable(QString::number(window.minimumSizeHint().width())));
    QCOMPARE(window.size(), smallest);
}

QTEST_MAIN(LocalGatewayTest)
#include "tst_console_local_gateway.moc"
