// The main window as a support engineer meets it: launched from the command
// line, driven by its menus and shortcuts, switching profiles, with a real
// mccig-server behind it.
#include "app/console_session.h"
#include "app/main_window.h"
#include "connection/connection_dialog.h"
#include "connection/profile_store.h"
#include "connection/settings_secret_store.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "models/tenant_table_model.h"
#include "playground/payload_templates.h"
#include "playground/playground_screen.h"
#include "server_process.h"
#include "test_services.h"
#include "widgets/elided_label.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

#include <QTranslator>

#include <memory>

using namespace mccig::console;

namespace {

constexpr int kRedisDb = 12;
const QString kAdminKey = QStringLiteral("admin-window");

void removeAllProfiles(ProfileStore& store)
{
    for (const ConnectionProfile& profile : store.profilesWithoutSecrets())
        store.removeProfile(profile.id);
}

ConnectionDialog* openDialog(MainWindow& window)
{
    ConnectionDialog* dialog = window.findChild<ConnectionDialog*>();
    return dialog != nullptr && dialog->isVisible() ? dialog : nullptr;
}

// Every action and shortcut a key press can reach on the current screen.
QList<QObject*> reachableBindings(MainWindow& window)
{
    QList<QObject*> bindings;
    const auto addMenu = [&bindings](auto&& self, QMenu* menu) -> void {
        for (QAction* action : menu->actions()) {
            if (action->menu() != nullptr)
                self(self, action->menu());
            else if (!bindings.contains(action))
                bindings.append(action);
        }
    };
    for (QAction* top : window.menuBar()->actions())
        addMenu(addMenu, top->menu());
    for (QToolBar* bar : window.findChildren<QToolBar*>()) {
        for (QAction* action : bar->actions()) {
            if (!bindings.contains(action))
                bindings.append(action);
        }
    }
    QWidget* screen = window.screen(window.currentScreen());
    for (QAction* action : screen->findChildren<QAction*>()) {
        if (!bindings.contains(action))
            bindings.append(action);
    }
    for (QShortcut* shortcut : window.findChildren<QShortcut*>()) {
        const auto* owner = qobject_cast<QWidget*>(shortcut->parent());
        if (owner != nullptr && owner->isVisible())
            bindings.append(shortcut);
    }
    return bindings;
}

QList<QKeySequence> keysOf(QObject* binding)
{
    if (auto* action = qobject_cast<QAction*>(binding))
        return action->shortcuts();
    if (auto* shortcut = qobject_cast<QShortcut*>(binding))
        return shortcut->keys();
    return {};
}

QString describe(QObject* binding)
{
    if (auto* action = qobject_cast<QAction*>(binding))
        return action->text();
    return QStringLiteral("shortcut of ") + binding->parent()->metaObject()->className();
}

} // namespace

class ConsoleWindowTest final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void connectionsOpenInTheCommandLineLaunchMode();
    void theCommandLineProfileCanBeSavedAndConnectedFromTheDialog();
    void ctrlKOpensConnections();
    void noTwoActionsShareAKeySequence();
    void viewMenuShowsTheAmpersandOfDlqAndFailures();
    void anEmptyStartPointsToConnections();
    void choosingAProfileSwitchesToItAndClearsTheOldFigures();
    void playgroundTabMovesTheFocusAndCtrlTabInsertsATab();
    void changingChannelKeepsEachDraftAndClearsTheResponse();
    void everyScreenFitsTheSmallestWindow_data();
    void everyScreenFitsTheSmallestWindow();

private:
    ConnectionProfile commandLineProfile() const;

    std::unique_ptr<mccig::test::ServerProcess> m_server;
    std::unique_ptr<SettingsSecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;
};

void ConsoleWindowTest::initTestCase()
{
    Q_INIT_RESOURCE(mccig_console);
    QCoreApplication::setOrganizationName(QStringLiteral("MCC-IG-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_window"));
    QSettings().clear();
    m_server = std::make_unique<mccig::test::ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--redis-url"), mccig::test::redisUrlForDatabase(kRedisDb),
                             QStringLiteral("--database-url"),
                             mccig::test::freshDatabaseUrl(QStringLiteral("mccig_console_window")),
                             QStringLiteral("--api-keys"), QStringLiteral("acme:key-acme,tiny:key-tiny"),
                             QStringLiteral("--admin-key"), kAdminKey}));
    m_secrets = std::make_unique<SettingsSecretStore>();
    m_store = std::make_unique<ProfileStore>(m_secrets.get());
}

void ConsoleWindowTest::cleanupTestCase()
{
    m_store.reset();
    m_secrets.reset();
    m_server.reset();
}

void ConsoleWindowTest::init() { removeAllProfiles(*m_store); }

// What `mccig-console --server URL --admin-key KEY --api-keys ...` opens.
ConnectionProfile ConsoleWindowTest::commandLineProfile() const
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("command-line");
    profile.name = QStringLiteral("command line");
    profile.serverUrl = m_server->baseUrl();
    profile.adminKey = kAdminKey;
    profile.tenantKeys = parseTenantKeys(QStringLiteral("acme:key-acme,tiny:key-tiny"));
    profile.redisUrl = mccig::test::redisUrlForDatabase(kRedisDb);
    return profile;
}

// Bug: after `--server … --admin-key …`, File → Connections… did nothing.
void ConsoleWindowTest::connectionsOpenInTheCommandLineLaunchMode()
{
    MainWindow window(nullptr);
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    QAction* connections = nullptr;
    for (QAction* action : window.menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == QStringLiteral("&Connections…"))
            connections = action;
    }
    QVERIFY(connections != nullptr);
    connections->trigger();
    ConnectionDialog* dialog = openDialog(window);
    QVERIFY(dialog != nullptr);
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("profileList"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("command line (not saved)"));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->text(), m_server->baseUrl().toString());
}

void ConsoleWindowTest::theCommandLineProfileCanBeSavedAndConnectedFromTheDialog()
{
    MainWindow window(m_store.get());
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    auto* combo = window.findChild<QComboBox*>(QStringLiteral("profileCombo"));
    QCOMPARE(combo->currentText(), QStringLiteral("command line (not saved)"));
    // A name cut in the narrow combo is whole in its tooltip.
    QVERIFY2(combo->toolTip().startsWith(QStringLiteral("command line (not saved)\n")), qPrintable(combo->toolTip()));
    auto* dialog = qobject_cast<ConnectionDialog*>(window.openConnections());
    QVERIFY(dialog != nullptr && dialog->isVisible());
    dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("support"));
    dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    const QList<ConnectionProfile> saved = m_store->profilesWithoutSecrets();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).name, QStringLiteral("support"));
    QVERIFY(saved.at(0).id != QStringLiteral("command-line"));
    ConnectionProfile loaded;
    m_store->loadProfile(saved.at(0).id, [&loaded](const ConnectionProfile& p) { loaded = p; });
    QCOMPARE(loaded.adminKey, kAdminKey);
    QCOMPARE(loaded.redisUrl, mccig::test::redisUrlForDatabase(kRedisDb));
    // The Redis URL may hold a password: it is a secret, not a setting.
    QSettings settings;
    for (const QString& key : settings.allKeys()) {
        if (!key.startsWith(QLatin1String("secrets/")))
            QVERIFY2(!settings.value(key).toString().startsWith(QLatin1String("redis://")), qPrintable(key));
    }
    // The window now runs the saved profile, and Connect in the dialog works.
    QCOMPARE(window.session()->profile().id, saved.at(0).id);
    QCOMPARE(combo->currentText(), QStringLiteral("support"));
    QVERIFY(combo->toolTip().startsWith(QStringLiteral("support\n")));
    dialog->findChild<QPushButton*>(QStringLiteral("connectButton"))->click();
    QCOMPARE(window.session()->profile().name, QStringLiteral("support"));
    QCOMPARE(window.session()->profile().adminKey, kAdminKey);
}

// Bug: Ctrl+K was bound twice (menu and toolbar) and never worked.
void ConsoleWindowTest::ctrlKOpensConnections()
{
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(openDialog(window) == nullptr);
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(openDialog(window) != nullptr);
}

void ConsoleWindowTest::noTwoActionsShareAKeySequence()
{
    MainWindow window(nullptr);
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showScreen(MainWindow::Screen(page));
        QHash<QString, QStringList> owners;
        for (QObject* binding : reachableBindings(window)) {
            for (const QKeySequence& keys : keysOf(binding))
                owners[keys.toString()].append(describe(binding));
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            QVERIFY2(it.value().size() == 1, qPrintable(QStringLiteral("%1 on %2: %3")
                                                            .arg(it.key(), MainWindow::screenTitle(MainWindow::Screen(page)),
                                                                 it.value().join(QStringLiteral(", ")))));
        }
        // The screen's own shortcuts appear in a menu.
        QCOMPARE(window.screenActionsMenu()->actions(), window.screen(MainWindow::Screen(page))->actions());
    }
    window.showScreen(MainWindow::PlaygroundPage);
    QStringList playground;
    for (QAction* action : window.screenActionsMenu()->actions())
        playground.append(action->shortcut().toString());
    QVERIFY(playground.contains(QStringLiteral("Ctrl+Return")));
    QVERIFY(playground.contains(QStringLiteral("Ctrl+T")));
}

// Bug: "DLQ _Failures" in the View menu, from an unescaped &.
void ConsoleWindowTest::viewMenuShowsTheAmpersandOfDlqAndFailures()
{
    MainWindow window(nullptr);
    QMenu* view = window.menuBar()->actions().at(1)->menu();
    QStringList titles;
    for (QAction* action : view->actions())
        titles.append(action->text());
    QVERIFY2(titles.contains(QStringLiteral("DLQ && Failures")), qPrintable(titles.join(QLatin1Char('|'))));
}

// Confusion: with no arguments and no profiles the window said only "Not connected".
void ConsoleWindowTest::anEmptyStartPointsToConnections()
{
    MainWindow window(m_store.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.bannerText().contains(QStringLiteral("File → Connections…")), qPrintable(window.bannerText()));
    auto* banner = window.findChild<QLabel*>(QStringLiteral("banner"));
    emit banner->linkActivated(QStringLiteral("connections"));
    QVERIFY(openDialog(window) != nullptr);
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    QVERIFY(window.bannerText().isEmpty());
}

// Confusion: picking a profile only selected it, and its name sat over the
// old profile's figures until Connect.
void ConsoleWindowTest::choosingAProfileSwitchesToItAndClearsTheOldFigures()
{
    ConnectionProfile first = commandLineProfile();
    first.id = ProfileStore::newProfileId();
    first.name = QStringLiteral("first");
    ConnectionProfile second = first;
    second.id = ProfileStore::newProfileId();
    second.name = QStringLiteral("second");
    second.tenantKeys = parseTenantKeys(QStringLiteral("tiny:key-tiny"));
    m_store->saveProfile(first);
    m_store->saveProfile(second);
    MainWindow window(m_store.get());
    QVERIFY(window.openProfile(first).has_value());
    DashboardScreen* dashboard = window.dashboard();
    QVERIFY(QTest::qWaitFor([dashboard] { return dashboard->dlqDepthShown() >= 0; }, 20000));
    auto* combo = window.findChild<QComboBox*>(QStringLiteral("profileCombo"));
    const int index = combo->findText(QStringLiteral("second"));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    QCOMPARE(window.session()->profile().id, second.id);
    QCOMPARE(dashboard->dlqDepthShown(), -1);
    QCOMPARE(dashboard->tenantModel()->rowCount(), 0);
    QCOMPARE(window.playground()->findChild<QComboBox*>(QStringLiteral("tenantCombo"))->count(), 1);
    QCOMPARE(window.windowTitle(), QStringLiteral("MCC-IG Console — second"));
}

// Confusion: Tab inserted tab characters, so Response and History could not
// be reached by keyboard.
void ConsoleWindowTest::playgroundTabMovesTheFocusAndCtrlTabInsertsATab()
{
    MainWindow window(nullptr);
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    window.showScreen(MainWindow::PlaygroundPage);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PlaygroundScreen* playground = window.playground();
    auto* editor = playground->findChild<QPlainTextEdit*>(QStringLiteral("payloadEdit"));
    auto* body = playground->findChild<QPlainTextEdit*>(QStringLiteral("bodyView"));
    auto* history = playground->findChild<QTableView*>(QStringLiteral("historyView"));
    editor->setFocus();
    QVERIFY(QTest::qWaitFor([editor] { return editor->hasFocus(); }));
    const QByteArray before = playground->payload();
    bool reachedBody = false;
    bool reachedHistory = false;
    for (int i = 0; i < 40 && !(reachedBody && reachedHistory); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reachedBody = reachedBody || body->hasFocus();
        reachedHistory = reachedHistory || history->hasFocus();
    }
    QCOMPARE(playground->payload(), before);
    QVERIFY(reachedBody);
    QVERIFY(reachedHistory);
    editor->setFocus();
    QVERIFY(QTest::qWaitFor([editor] { return editor->hasFocus(); }));
    QTest::keyClick(editor, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(playground->payload().count('\t'), before.count('\t') + 1);
}

// Confusion: changing channel silently threw an edited payload away.
void ConsoleWindowTest::changingChannelKeepsEachDraftAndClearsTheResponse()
{
    MainWindow window(nullptr);
    QVERIFY(window.openProfile(commandLineProfile()).has_value());
    PlaygroundScreen* playground = window.playground();
    playground->setChannel(QStringLiteral("sms"));
    QVERIFY(playground->selectTenant(QStringLiteral("acme")));
    const QByteArray edited = withProviderMessageId(payloadTemplate(QStringLiteral("sms")), QStringLiteral("draft-1"));
    playground->setPayload(edited);
    QSignalSpy shown(playground, &PlaygroundScreen::responseShown);
    playground->send();
    QVERIFY(shown.wait(20000));
    QVERIFY(!playground->responseBodyText().isEmpty());
    playground->setChannel(QStringLiteral("chat"));
    QVERIFY(playground->responseBodyText().isEmpty());
    QVERIFY(providerMessageIdOf(playground->payload()) != QStringLiteral("draft-1"));
    playground->setChannel(QStringLiteral("sms"));
    QCOMPARE(playground->payload(), edited);
}

void ConsoleWindowTest::everyScreenFitsTheSmallestWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("adminKey");
    QTest::newRow("English") << QStringLiteral("en") << kAdminKey;
    QTest::newRow("German") << QStringLiteral("de") << kAdminKey;
    // A refused key fills the screens' status lines with their longest texts.
    QTest::newRow("English, wrong admin key") << QStringLiteral("en") << QStringLiteral("wrong-admin-key");
    QTest::newRow("German, wrong admin key") << QStringLiteral("de") << QStringLiteral("wrong-admin-key");
}

// Polish: at 1024×700 the window was 1190 px wide in English and 1543 px in
// German, so part of every screen was cut off.
void ConsoleWindowTest::everyScreenFitsTheSmallestWindow()
{
    QFETCH(QString, language);
    QFETCH(QString, adminKey);
    const QSize smallest(1024, 700);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/mccig_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const auto removeTranslator = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    MainWindow window(nullptr);
    ConnectionProfile profile = commandLineProfile();
    profile.adminKey = adminKey;
    QVERIFY(window.openProfile(profile).has_value());
    window.resize(smallest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitFor([&window] { return window.dashboard()->dlqDepthShown() >= 0; }, 20000));
    if (adminKey != kAdminKey)
        QVERIFY(QTest::qWaitFor([&window] { return window.dlq()->hasLoadError(); }, 20000));
    QStringList tooLarge;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showScreen(MainWindow::Screen(page));
        QTest::qWait(300);
        const QSize needed = window.minimumSizeHint();
        if (needed.width() > smallest.width() || needed.height() > smallest.height() || window.size() != smallest) {
            tooLarge.append(QStringLiteral("%1 needs %2×%3, the window is %4×%5")
                                .arg(MainWindow::screenTitle(MainWindow::Screen(page)))
                                .arg(needed.width())
                                .arg(needed.height())
                                .arg(window.width())
                                .arg(window.height()));
        }
        // At this size even the longest status line of each screen fits.
        for (ElidedLabel* label : window.screen(MainWindow::Screen(page))->findChildren<ElidedLabel*>()) {
            if (label->isVisible() && label->isElided())
                tooLarge.append(QStringLiteral("\"%1\" is cut to %2 px").arg(label->text()).arg(label->width()));
        }
    }
    QVERIFY2(tooLarge.isEmpty(), qPrintable(tooLarge.join(QStringLiteral("; "))));
}

QTEST_MAIN(ConsoleWindowTest)
#include "tst_console_window.moc"
