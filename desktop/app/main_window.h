#pragma once

#include "connection/connection_profile.h"
#include "local/local_gateway.h"

#include <QMainWindow>
#include <QPointer>

#include <expected>
#include <optional>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QMenu;
class QListWidget;
class QStackedWidget;

namespace mccig::console {

class ApiDocsScreen;
class ConnectionStatus;
class ConsoleScreen;
class ConsoleSession;
class DashboardScreen;
class DlqScreen;
class LocalGatewayStatus;
class PlaygroundScreen;
class ProfileStore;
class RateLimitScreen;
class ReplayScreen;

// The console's window: a sidebar of the six screens, the profile picker,
// and the status bar with the connection's health. Owns the open session and
// hands it to every screen. Restores its geometry, layout and last screen.
// Global actions live in the File and View menus; the Actions menu holds the
// current screen's own actions, so a key sequence is only ever bound once.
// Owns the local gateway: opening a local profile starts it and connects
// once it runs; its death closes the session and offers a restart; quitting
// stops it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum Screen {
        DashboardPage,
        PlaygroundPage,
        ReplayPage,
        RateLimitPage,
        DlqPage,
        ApiDocsPage,
        PageCount,
    };

    // `store` must outlive the window; without one the window keeps its own,
    // with secrets in memory only. A profile opened that is not in the store
    // (one from the command line) is kept as an unsaved profile that the
    // Connections dialog offers to save.
    explicit MainWindow(ProfileStore* store, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `profile`, replacing the current session; on failure the reason
    // is returned and shown in the status bar.
    std::expected<void, QString> openProfile(const ConnectionProfile& profile);
    void closeSession();
    ConsoleSession* session() const;
    // Switches to the saved profile `id` (or the unsaved one): drops the old
    // session at once, so no figure of it stays on screen, then connects.
    void switchToProfile(const QString& id);
    // Opens File → Connections…; the dialog returned is open (non-modal).
    QDialog* openConnections();
    QAction* connectionsAction() const { return m_connectionsAction; }
    // Connects to the local profile (made the first time), which starts the
    // local gateway; stopLocalGateway() ends it and its session.
    void startLocalGateway();
    void stopLocalGateway();
    LocalGateway* localGateway() const { return m_localGateway; }
    QAction* localGatewayAction() const { return m_localGatewayAction; }
    QMenu* screenActionsMenu() const { return m_screenMenu; }
    QString bannerText() const;

    void showScreen(Screen screen);
    Screen currentScreen() const;
    ConsoleScreen* screen(Screen screen) const;
    DashboardScreen* dashboard() const { return m_dashboard; }
    PlaygroundScreen* playground() const { return m_playground; }
    ReplayScreen* replay() const { return m_replay; }
    RateLimitScreen* rateLimit() const { return m_rateLimit; }
    DlqScreen* dlq() const { return m_dlq; }
    ApiDocsScreen* apiDocs() const { return m_apiDocs; }
    ConnectionStatus* connectionStatus() const { return m_status; }

    static QString screenTitle(Screen screen);

signals:
    void sessionChanged(mccig::console::ConsoleSession* session);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildScreens();
    void buildToolBar();
    void buildMenus();
    std::expected<void, QString> openSession(const ConnectionProfile& profile);
    std::expected<void, QString> openLocalProfile(const ConnectionProfile& profile);
    void onLocalGatewayState(LocalGateway::State state);
    bool isSaved(const QString& profileId) const;
    void reloadProfiles();
    void updateProfileToolTip();
    void updateSecretsWarning();
    void askWhereSecretsGo(const QString& error);
    void connectSelectedProfile();
    void openSettings();
    void showScreenActions();
    void updateBanner();
    void restoreState();
    void saveState() const;

    ProfileStore* m_store;
    QPointer<ConsoleSession> m_session;
    std::optional<ConnectionProfile> m_unsavedProfile;
    LocalGateway* m_localGateway = nullptr;
    // The local profile waiting for the gateway to report its port.
    std::optional<ConnectionProfile> m_pendingLocal;
    QString m_connectingTo;
    bool m_askedWhereSecretsGo = false;
    QListWidget* m_nav = nullptr;
    QStackedWidget* m_stack = nullptr;
    QComboBox* m_profiles = nullptr;
    ConnectionStatus* m_status = nullptr;
    QLabel* m_secretsWarning = nullptr;
    QLabel* m_banner = nullptr;
    QAction* m_connectionsAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_localGatewayAction = nullptr;
    LocalGatewayStatus* m_localGatewayStatus = nullptr;
    QMenu* m_screenMenu = nullptr;
    DashboardScreen* m_dashboard = nullptr;
    PlaygroundScreen* m_playground = nullptr;
    ReplayScreen* m_replay = nullptr;
    RateLimitScreen* m_rateLimit = nullptr;
    DlqScreen* m_dlq = nullptr;
    ApiDocsScreen* m_apiDocs = nullptr;
};

} // namespace mccig::console
