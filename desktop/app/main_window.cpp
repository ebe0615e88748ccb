#include "app/main_window.h"

#include "apidocs/api_docs_screen.h"
#include "app/about_box.h"
#include "app/connection_status.h"
#include "app/console_session.h"
#include "connection/connection_dialog.h"
#include "connection/memory_secret_store.h"
#include "connection/profile_store.h"
#include "connection/secret_policy.h"
#include "connection/secret_store.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "live/live_source.h"
#include "local/local_gateway_action.h"
#include "local/local_gateway_status.h"
#include "local/local_profile.h"
#include "playground/playground_screen.h"
#include "ratelimit/rate_limit_screen.h"
#include "replay/replay_screen.h"
#include "settings/settings_dialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace mccig::console {
namespace {

constexpr auto kRestartLocalGatewayLink = "restart-local-gateway";

} // namespace

MainWindow::MainWindow(ProfileStore* store, QWidget* parent)
    : QMainWindow(parent), m_store(store != nullptr ? store : new ProfileStore(nullptr, this))
{
    if (store == nullptr)
        m_store->setSecrets(new MemorySecretStore(m_store));
    setWindowTitle(tr("MCC-IG Console"));
    setWindowIcon(QIcon(QStringLiteral(":/desktop/mccig.svg")));
    m_localGateway = new LocalGateway(this);
    connect(m_localGateway, &LocalGateway::stateChanged, this, &MainWindow::onLocalGatewayState);
    buildScreens();
    buildToolBar();
    buildMenus();
    m_status = new ConnectionStatus(this);
    statusBar()->addWidget(m_status);
    m_secretsWarning = new QLabel(this);
    m_secretsWarning->setVisible(false);
    statusBar()->addPermanentWidget(m_secretsWarning);
    m_localGatewayStatus = new LocalGatewayStatus(m_localGateway, this);
    statusBar()->addPermanentWidget(m_localGatewayStatus);
    connect(m_store, &ProfileStore::secretsChanged, this, &MainWindow::updateSecretsWarning);
    connect(m_store, &ProfileStore::profilesChanged, this, &MainWindow::reloadProfiles);
    connect(m_store, &ProfileStore::secretWriteFailed, this, &MainWindow::askWhereSecretsGo);
    updateSecretsWarning();
    reloadProfiles();
    restoreState();
    updateBanner();
}

MainWindow::~MainWindow() = default;

QString MainWindow::screenTitle(Screen screen)
{
    switch (screen) {
    case DashboardPage: return tr("Dashboard");
    case PlaygroundPage: return tr("Ingest Playground");
    case ReplayPage: return tr("Replay Verification");
    case RateLimitPage: return tr("Rate Limit Monitor");
    case DlqPage: return tr("DLQ & Failures");
    case ApiDocsPage: return tr("API Docs");
    default: return {};
    }
}

void MainWindow::buildScreens()
{
    m_dashboard = new DashboardScreen(this);
    m_playground = new PlaygroundScreen(this);
    m_replay = new ReplayScreen(this);
    m_rateLimit = new RateLimitScreen(this);
    m_dlq = new DlqScreen(this);
    m_apiDocs = new ApiDocsScreen(this);
    m_nav = new QListWidget(this);
    m_stack = new QStackedWidget(this);
    const QList<ConsoleScreen*> screens{m_dashboard, m_playground, m_replay, m_rateLimit, m_dlq, m_apiDocs};
    for (int i = 0; i < screens.size(); ++i) {
        m_stack->addWidget(screens.at(i));
        auto* item = new QListWidgetItem(screenTitle(Screen(i)), m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(screenTitle(Screen(i))).arg(i + 1));
    }
    m_nav->setFixedWidth(180);
    m_nav->setSpacing(2);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Screens"));
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setTextFormat(Qt::RichText);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String(kRestartLocalGatewayLink))
            startLocalGateway();
        else
            openConnections();
    });
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_stack, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_nav);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    splitter->setSizes({180, 1200});
    setCentralWidget(splitter);
    m_nav->setCurrentRow(0);
}

void MainWindow::buildToolBar()
{
    m_connectionsAction = new QAction(tr("&Connections…"), this);
    m_connectionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connectionsAction->setToolTip(tr("Add, edit, save and choose connection profiles (Ctrl+K)"));
    connect(m_connectionsAction, &QAction::triggered, this, [this] { openConnections(); });
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (auto* current = screen(currentScreen()))
            current->refresh();
    });
    m_localGatewayAction = new LocalGatewayAction(m_localGateway, this);
    connect(m_localGatewayAction, &QAction::triggered, this, [this] {
        if (m_localGateway->isActive())
            stopLocalGateway();
        else
            startLocalGateway();
    });
    QToolBar* bar = addToolBar(tr("Connection"));
    bar->setObjectName(QStringLiteral("connectionToolBar"));
    bar->setMovable(false);
    auto* label = new QLabel(tr("Profile "), bar);
    bar->addWidget(label);
    m_profiles = new QComboBox(bar);
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setMinimumContentsLength(18);
    m_profiles->setAccessibleName(tr("Connection profile"));
    connect(m_profiles, &QComboBox::currentTextChanged, this, &MainWindow::updateProfileToolTip);
    label->setBuddy(m_profiles);
    bar->addWidget(m_profiles);
    connect(m_profiles, &QComboBox::activated, this, &MainWindow::connectSelectedProfile);
    QAction* reconnect = bar->addAction(tr("Reconnect"), this, &MainWindow::connectSelectedProfile);
    reconnect->setToolTip(tr("Connect to the chosen profile again"));
    bar->addAction(m_connectionsAction);
    bar->addAction(m_localGatewayAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectionsAction);
    file->addAction(m_localGatewayAction);
    file->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PageCount; ++i) {
        // A single & in a menu text would mark a mnemonic ("DLQ _Failures").
        QString title = screenTitle(Screen(i));
        view->addAction(title.replace(QLatin1Char('&'), QLatin1String("&&")),
                        QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this, [this, i] { showScreen(Screen(i)); });
    }
    view->addSeparator();
    view->addAction(m_refreshAction);
    m_screenMenu = menuBar()->addMenu(tr("&Actions"));
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::showScreenActions);
    showScreenActions();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        auto* box = new AboutBox(m_session, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// Only the current screen's actions are in a menu and on a visible widget, so
// Ctrl+R means "Run verification" on one screen and "Replay selected" on another
// without ever being ambiguous.
void MainWindow::showScreenActions()
{
    m_screenMenu->clear();
    if (ConsoleScreen* current = screen(currentScreen()))
        m_screenMenu->addActions(current->actions());
    m_screenMenu->setEnabled(!m_screenMenu->isEmpty());
}

void MainWindow::updateSecretsWarning()
{
    const SecretStore* secrets = m_store->secrets();
    const bool plainText = secrets != nullptr && !secrets->isSecure();
    const bool nothing = qobject_cast<const MemorySecretStore*>(secrets) != nullptr;
    m_secretsWarning->setText(plainText ? tr("⚠ Secrets in plain text") : tr("⚠ Secrets not stored"));
    m_secretsWarning->setVisible(plainText || nothing);
    m_secretsWarning->setToolTip(secrets != nullptr ? secrets->description() : QString());
}

// The keychain is locked or declined: secrets must not silently land in plain
// text, so the user chooses, once per run.
void MainWindow::askWhereSecretsGo(const QString& error)
{
    if (m_askedWhereSecretsGo)
        return;
    m_askedWhereSecretsGo = true;
    QMessageBox box(QMessageBox::Warning, tr("Secrets not saved"),
                    tr("The system keychain did not store the profile's secrets (%1).\n\n"
                       "Store them in plain text in the settings file, or store nothing and enter the keys "
                       "again after a restart?")
                        .arg(error),
                    QMessageBox::NoButton, this);
    QPushButton* plain = box.addButton(tr("Store in &plain text"), QMessageBox::AcceptRole);
    QPushButton* nothing = box.addButton(tr("Store &nothing"), QMessageBox::RejectRole);
    box.setDefaultButton(nothing);
    box.exec();
    const SecretPolicy policy = box.clickedButton() == plain ? SecretPolicy::PlainText : SecretPolicy::Nothing;
    saveSecretPolicy(policy);
    m_store->setSecrets(createSecretStore(policy, m_store));
}

void MainWindow::reloadProfiles()
{
    const QSignalBlocker blocker(m_profiles);
    const QString current = m_session != nullptr ? m_session->profile().id : m_store->lastUsedProfileId();
    m_profiles->clear();
    for (const ConnectionProfile& profile : m_store->profilesWithoutSecrets())
        m_profiles->addItem(profile.name, profile.id);
    if (m_unsavedProfile)
        m_profiles->addItem(tr("%1 (not saved)").arg(m_unsavedProfile->name), m_unsavedProfile->id);
    m_profiles->setCurrentIndex(qMax(0, m_profiles->findData(current)));
    updateProfileToolTip();
    updateBanner();
}

// A long profile name is cut in the combo: the tooltip has all of it.
void MainWindow::updateProfileToolTip()
{
    m_profiles->setToolTip(m_profiles->currentText().isEmpty()
                               ? tr("Choosing a profile connects to it")
                               : tr("%1\nChoosing a profile connects to it").arg(m_profiles->currentText()));
}

void MainWindow::connectSelectedProfile()
{
    const QString id = m_profiles->currentData().toString();
    if (id.isEmpty()) {
        openConnections();
        return;
    }
    switchToProfile(id);
}

void MainWindow::switchToProfile(const QString& id)
{
    closeSession();
    m_pendingLocal.reset();
    m_connectingTo = id;
    updateBanner();
    if (m_unsavedProfile && m_unsavedProfile->id == id) {
        (void)openProfile(*m_unsavedProfile);
        return;
    }
    QPointer<MainWindow> guard(this);
    m_store->loadProfile(id, [guard, id](const ConnectionProfile& profile) {
        // A later switch wins over a slow keychain read of an earlier one.
        if (!guard || guard->m_connectingTo != id)
            return;
        if (const auto opened = guard->openProfile(profile); !opened)
            QMessageBox::warning(guard, tr("Connect"), opened.error());
        else
            guard->m_store->setLastUsedProfileId(profile.id);
    });
}

std::expected<void, QString> MainWindow::openProfile(const ConnectionProfile& profile)
{
    m_connectingTo.clear();
    m_pendingLocal.reset();
    if (profile.kind == ProfileKind::LocalGateway)
        return openLocalProfile(profile);
    return openSession(profile);
}

bool MainWindow::isSaved(const QString& profileId) const
{
    return std::ranges::any_of(m_store->profilesWithoutSecrets(),
                               [&profileId](const ConnectionProfile& p) { return p.id == profileId; });
}

std::expected<void, QString> MainWindow::openSession(const ConnectionProfile& profile)
{
    auto opened = ConsoleSession::open(profile, this);
    if (!opened) {
        statusBar()->showMessage(opened.error(), 10000);
        updateBanner();
        return std::unexpected(opened.error());
    }
    closeSession();
    m_session = *opened;
    if (!isSaved(profile.id))
        m_unsavedProfile = profile;
    m_session->liveSource()->setIntervalMs(SettingsDialog::refreshIntervalMs());
    for (int i = 0; i < PageCount; ++i)
        screen(Screen(i))->setSession(m_session);
    m_status->setSession(m_session);
    m_session->liveSource()->start();
    reloadProfiles();
    setWindowTitle(tr("MCC-IG Console — %1").arg(profile.name));
    emit sessionChanged(m_session);
    return {};
}

// A local profile connects once the gateway runs with its keys: at once when
// it already does, else when the gateway reports its port. Keys are made up
// (and saved) the first time.
std::expected<void, QString> MainWindow::openLocalProfile(const ConnectionProfile& profile)
{
    const ConnectionProfile local = LocalProfile::withKeys(profile);
    if (local != profile && isSaved(local.id))
        m_store->saveProfile(local);
    const bool theseKeys = m_localGateway->startedWith(local.adminKey, local.tenantKeys);
    if (m_localGateway->state() == LocalGateway::State::Running && theseKeys) {
        ConnectionProfile connected = local;
        connected.serverUrl = m_localGateway->url();
        return openSession(connected);
    }
    closeSession();
    // Another local profile's keys (or keys edited since): the server takes
    // its keys only at start. One still stopping is waited for.
    if ((m_localGateway->isActive() && !theseKeys) || m_localGateway->state() == LocalGateway::State::Stopping)
        m_localGateway->stopAndWait();
    m_pendingLocal = local;
    m_localGateway->start(local.adminKey, local.tenantKeys);
    if (m_localGateway->state() == LocalGateway::State::Failed)
        return std::unexpected(m_localGateway->failure());
    updateBanner();
    return {};
}

void MainWindow::startLocalGateway()
{
    if (const auto saved = LocalProfile::findIn(m_store->profilesWithoutSecrets())) {
        switchToProfile(saved->id);
        return;
    }
    // A new profile opens as made: read back at once, its keys might still
    // be on their way into the keychain.
    const ConnectionProfile created = LocalProfile::create();
    m_store->saveProfile(created);
    closeSession();
    if (openProfile(created))
        m_store->setLastUsedProfileId(created.id);
}

void MainWindow::stopLocalGateway()
{
    m_pendingLocal.reset();
    m_localGateway->stop();
}

void MainWindow::onLocalGatewayState(LocalGateway::State state)
{
    if (state == LocalGateway::State::Running && m_pendingLocal) {
        ConnectionProfile profile = *std::exchange(m_pendingLocal, std::nullopt);
        profile.serverUrl = m_localGateway->url();
        (void)openSession(profile);
        return;
    }
    const bool localSession = m_session != nullptr && m_session->profile().kind == ProfileKind::LocalGateway;
    if (state == LocalGateway::State::Failed) {
        m_pendingLocal.reset();
        statusBar()->showMessage(tr("The local gateway stopped: %1").arg(m_localGateway->failure()), 10000);
    }
    if ((state == LocalGateway::State::Failed || state == LocalGateway::State::Stopped) && localSession)
        closeSession();
    updateBanner();
}

ConsoleSession* MainWindow::session() const { return m_session; }

void MainWindow::closeSession()
{
    if (m_session == nullptr)
        return;
    for (int i = 0; i < PageCount; ++i)
        screen(Screen(i))->setSession(nullptr);
    m_status->setSession(nullptr);
    m_session->liveSource()->stop();
    delete m_session;
    setWindowTitle(tr("MCC-IG Console"));
    updateBanner();
    emit sessionChanged(nullptr);
}

void MainWindow::updateBanner()
{
    if (m_session != nullptr) {
        m_banner->setVisible(false);
        return;
    }
    QString text;
    if (m_pendingLocal && m_localGateway->state() == LocalGateway::State::Starting)
        text = tr("Starting the local gateway…");
    else if (!m_connectingTo.isEmpty())
        text = tr("Connecting to %1…").arg(m_profiles->itemText(m_profiles->findData(m_connectingTo)).toHtmlEscaped());
    else if (m_localGateway->state() == LocalGateway::State::Failed)
        text = tr("The local gateway stopped: %1 <a href=\"%2\">Restart it</a>")
                   .arg(m_localGateway->failure().toHtmlEscaped(), QLatin1String(kRestartLocalGatewayLink));
    else if (m_profiles->count() == 0)
        text = tr("Not connected. To start, add a server in <a href=\"connections\">File → Connections…</a> (Ctrl+K), "
                  "or start the console with <tt>--server URL --admin-key KEY</tt>.");
    else
        text = tr("Not connected. Choose a profile in the toolbar, or manage profiles in "
                  "<a href=\"connections\">File → Connections…</a> (Ctrl+K).");
    m_banner->setText(text);
    m_banner->setVisible(true);
}

QString MainWindow::bannerText() const { return m_banner->isHidden() ? QString() : m_banner->text(); }

void MainWindow::showScreen(Screen screen) { m_nav->setCurrentRow(int(screen)); }

MainWindow::Screen MainWindow::currentScreen() const { return Screen(m_stack->currentIndex()); }

ConsoleScreen* MainWindow::screen(Screen screen) const
{
    return qobject_cast<ConsoleScreen*>(m_stack->widget(int(screen)));
}

QDialog* MainWindow::openConnections()
{
    auto* dialog = new ConnectionDialog(m_store, m_unsavedProfile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::connectRequested, this, [this](const ConnectionProfile& profile) {
        if (profile.id == (m_unsavedProfile ? m_unsavedProfile->id : QString()))
            m_unsavedProfile = profile;
        reloadProfiles();
        switchToProfile(profile.id);
    });
    connect(dialog, &ConnectionDialog::unsavedProfileSaved, this, [this](const ConnectionProfile& saved) {
        const bool current = m_session != nullptr && m_unsavedProfile && m_session->profile().id == m_unsavedProfile->id;
        m_unsavedProfile.reset();
        if (current)
            (void)openProfile(saved);
        m_store->setLastUsedProfileId(saved.id);
        reloadProfiles();
    });
    connect(dialog, &QDialog::finished, this, &MainWindow::reloadProfiles);
    dialog->open();
    return dialog;
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::refreshIntervalChanged, this, [this](int milliseconds) {
        if (m_session != nullptr)
            m_session->liveSource()->setIntervalMs(milliseconds);
    });
    connect(dialog, &SettingsDialog::restartRequested, this, [this] {
        // The new console may start the local gateway on the same data dir.
        m_localGateway->stopAndWait();
        if (QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1)))
            close();
    });
    dialog->open();
}

void MainWindow::restoreState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 860);
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    showScreen(Screen(qBound(0, settings.value(QStringLiteral("window/screen")).toInt(), PageCount - 1)));
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("window/screen"), int(currentScreen()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    closeSession();
    m_localGateway->stopAndWait();
    QMainWindow::closeEvent(event);
}

} // namespace mccig::console
