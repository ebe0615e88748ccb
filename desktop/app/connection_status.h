#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;

namespace mccig::console {

class ConsoleSession;
struct ApiResponse;

// The status bar's view of the connection: server reachability (/healthz),
// readiness (/readyz), whether the admin key is accepted (a one-second
// /v1/admin/stats read) and Redis connectivity (the live source's last read),
// re-checked on its own every few seconds. GUI thread only.
class ConnectionStatus final : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget* parent = nullptr);

    void setSession(ConsoleSession* session);
    void checkNow();

    enum class State {
        Unknown,
        Good,
        Bad,
        NotConfigured,
    };
    State reachability() const { return m_reachable; }
    State readiness() const { return m_ready; }
    State redis() const { return m_redis; }
    State admin() const { return m_admin; }
    QString adminText() const;
    // The server's line, and the transport error behind it (its tooltip).
    QString serverText() const;
    QString serverDetail() const;

    static constexpr int kIntervalMs = 3000;

signals:
    void changed();

private:
    void onHealth(const ApiResponse& response);
    void onReady(const ApiResponse& response);
    void onAdmin(const ApiResponse& response);
    void showState(QLabel* label, State state, const QString& text, const QString& detail = {});

    QPointer<ConsoleSession> m_session;
    QTimer* m_timer = nullptr;
    QLabel* m_serverLabel = nullptr;
    QLabel* m_readyLabel = nullptr;
    QLabel* m_redisLabel = nullptr;
    QLabel* m_adminLabel = nullptr;
    State m_reachable = State::Unknown;
    State m_ready = State::Unknown;
    State m_redis = State::Unknown;
    State m_admin = State::Unknown;
};

} // namespace mccig::console
