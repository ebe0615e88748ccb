#include "app/main_window.h"

#include "apidocs/api_docs_screen.h"
#include "app/about_box.h"
#include "app/connection_status.h"
#include "app/console_session.h"
#include "connection/connection_dialog.h"
#include "connection/profile_store.h"
#include "connection/secret_store.h"
#include "dashboard/dashboard_screen.h"
#include "dlq/dlq_screen.h"
#include "live/live_source.h"
#include "playground/playground_screen.h"
#include "ratelimit/rate_limit_screen.h"
#include "replay/replay_screen.h"
#include "settings/settings_dialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace mccig::console {

MainWindow::MainWindow(ProfileStore* store, QWidget* parent) : QMainWindow(parent), m_store(store)
{
    setWindowTitle(tr("MCC-IG Console"));
    setWindowIcon(QIcon(QStringLiteral(":/desktop/mccig.svg")));
    buildScreens();
    buildToolBar();
    buildMenus();
    m_status = new ConnectionStatus(this);
    statusBar()->addWidget(m_status);
    m_secretsWarning = new QLabel(tr("⚠ No keychain: secrets in plain text"), this);
    m_secretsWarning->setVisible(false);
    statusBar()->addPermanentWidget(m_secretsWarning);
    if (store != nullptr)
        connect(store, &ProfileStore::secretsChanged, this, &MainWindow::updateSecretsWarning);
    updateSecretsWarning();
    reloadProfiles();
    restoreState();
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
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    splitter->setSizes({180, 1200});
    setCentralWidget(splitter);
    m_nav->setCurrentRow(0);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Connection"));
    bar->setObjectName(QStringLiteral("connectionToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("Profile "), bar));
    m_profiles = new QComboBox(bar);
    m_profiles->setMinimumContentsLength(18);
    bar->addWidget(m_profiles);
    bar->addAction(tr("Connect"), this, &MainWindow::connectSelectedProfile);
    bar->addAction(tr("Connections…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::openConnections);
    bar->addSeparator();
    bar->addAction(tr("Refresh"), QKeySequence::Refresh, this, [this] {
        if (auto* current = screen(currentScreen()))
            current->refresh();
    });
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Connections…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::openConnections);
    file->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PageCount; ++i) {
        view->addAction(screenTitle(Screen(i)), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, i] { showScreen(Screen(i)); });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        auto* box = new AboutBox(m_session, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateSecretsWarning()
{
    const SecretStore* secrets = m_store != nullptr ? m_store->secrets() : nullptr;
    m_secretsWarning->setVisible(secrets != nullptr && !secrets->isSecure());
    m_secretsWarning->setToolTip(secrets != nullptr ? secrets->description() : QString());
}

void MainWindow::reloadProfiles()
{
    m_profiles->clear();
    if (m_store == nullptr)
        return;
    for (const ConnectionProfile& profile : m_store->profilesWithoutSecrets())
        m_profiles->addItem(profile.name, profile.id);
    m_profiles->setCurrentIndex(qMax(0, m_profiles->findData(m_store->lastUsedProfileId())));
}

void MainWindow::connectSelectedProfile()
{
    const QString id = m_profiles->currentData().toString();
    if (m_store == nullptr || id.isEmpty()) {
        openConnections();
        return;
    }
    QPointer<MainWindow> guard(this);
    m_store->loadProfile(id, [guard](const ConnectionProfile& profile) {
        if (!guard)
            return;
        if (const auto opened = guard->openProfile(profile); !opened)
            QMessageBox::warning(guard, tr("Connect"), opened.error());
        else
            guard->m_store->setLastUsedProfileId(profile.id);
    });
}

std::expected<void, QString> MainWindow::openProfile(const ConnectionProfile& profile)
{
    auto opened = ConsoleSession::open(profile, this);
    if (!opened) {
        statusBar()->showMessage(opened.error(), 10000);
        return std::unexpected(opened.error());
    }
    closeSession();
    m_session = *opened;
    m_session->liveSource()->setIntervalMs(SettingsDialog::refreshIntervalMs());
    for (int i = 0; i < PageCount; ++i)
        screen(Screen(i))->setSession(m_session);
    m_status->setSession(m_session);
    m_session->liveSource()->start();
    if (m_profiles->findData(profile.id) < 0)
        m_profiles->addItem(profile.name, profile.id);
    m_profiles->setCurrentIndex(m_profiles->findData(profile.id));
    setWindowTitle(tr("MCC-IG Console — %1").arg(profile.name));
    emit sessionChanged(m_session);
    return {};
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
    emit sessionChanged(nullptr);
}

void MainWindow::showScreen(Screen screen) { m_nav->setCurrentRow(int(screen)); }

MainWindow::Screen MainWindow::currentScreen() const { return Screen(m_stack->currentIndex()); }

ConsoleScreen* MainWindow::screen(Screen screen) const
{
    return qobject_cast<ConsoleScreen*>(m_stack->widget(int(screen)));
}

void MainWindow::openConnections()
{
    if (m_store == nullptr)
        return;
    auto* dialog = new ConnectionDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::connectRequested, this, [this](const QString& id) {
        reloadProfiles();
        m_profiles->setCurrentIndex(qMax(0, m_profiles->findData(id)));
        connectSelectedProfile();
    });
    connect(dialog, &QDialog::finished, this, &MainWindow::reloadProfiles);
    dialog->open();
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
    QMainWindow::closeEvent(event);
}

} // namespace mccig::console
