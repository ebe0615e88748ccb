#include "app/connection_status.h"

#include "app/console_session.h"
#include "backend/console_backend.h"
#include "backend/pending_call.h"
#include "live/live_source.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace mccig::console {
namespace {

QString dot(ConnectionStatus::State state)
{
    switch (state) {
    case ConnectionStatus::State::Good: return QStringLiteral("<span style=\"color:#2e7d32\">●</span> ");
    case ConnectionStatus::State::Bad: return QStringLiteral("<span style=\"color:#c62828\">●</span> ");
    default: return QStringLiteral("<span style=\"color:#9e9e9e\">●</span> ");
    }
}

} // namespace

ConnectionStatus::ConnectionStatus(QWidget* parent) : QWidget(parent), m_timer(new QTimer(this))
{
    m_serverLabel = new QLabel(this);
    m_readyLabel = new QLabel(this);
    m_redisLabel = new QLabel(this);
    m_adminLabel = new QLabel(this);
    m_serverLabel->setAccessibleName(tr("Server"));
    m_readyLabel->setAccessibleName(tr("Readiness"));
    m_redisLabel->setAccessibleName(tr("Redis"));
    m_adminLabel->setAccessibleName(tr("Admin access"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_serverLabel);
    layout->addWidget(m_readyLabel);
    layout->addWidget(m_adminLabel);
    layout->addWidget(m_redisLabel);
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ConnectionStatus::checkNow);
    setSession(nullptr);
}

// A transport error can be a sentence long: it goes in the tooltip, so the
// status bar never makes the window wider than a small screen.
void ConnectionStatus::showState(QLabel* label, State state, const QString& text, const QString& detail)
{
    label->setText(dot(state) + text.toHtmlEscaped());
    label->setToolTip(detail);
}

void ConnectionStatus::setSession(ConsoleSession* session)
{
    if (m_session != nullptr)
        disconnect(m_session->liveSource(), nullptr, this, nullptr);
    m_session = session;
    m_reachable = m_ready = State::Unknown;
    m_admin = session != nullptr && session->profile().adminKey.isEmpty() ? State::NotConfigured : State::Unknown;
    m_redis = session != nullptr && session->readsRedis() ? State::Unknown : State::NotConfigured;
    showState(m_serverLabel, State::Unknown, session == nullptr ? tr("Not connected") : tr("Server: checking…"));
    showState(m_readyLabel, State::Unknown, tr("Ready: –"));
    showState(m_adminLabel, m_admin,
              session == nullptr                       ? tr("Admin: –")
              : m_admin == State::NotConfigured ? tr("Admin: no key in the profile")
                                                : tr("Admin: checking…"));
    showState(m_redisLabel, m_redis,
         session == nullptr ? tr("Redis: –") : session->readsRedis() ? tr("Redis: checking…")
                                                                     : tr("Redis: not configured (admin API)"));
    if (session == nullptr) {
        m_timer->stop();
        return;
    }
    if (session->readsRedis()) {
        connect(session->liveSource(), &LiveSource::snapshotReady, this, [this] {
            m_redis = State::Good;
            showState(m_redisLabel, m_redis, tr("Redis: connected"));
            emit changed();
        });
        connect(session->liveSource(), &LiveSource::failed, this, [this](const QString& message) {
            m_redis = State::Bad;
            showState(m_redisLabel, m_redis, tr("Redis: failing"), message);
            emit changed();
        });
    }
    m_timer->start();
    checkNow();
}

void ConnectionStatus::checkNow()
{
    if (m_session == nullptr)
        return;
    ApiRequest health;
    health.path = QStringLiteral("/healthz");
    connect(m_session->backend()->send(health), &PendingCall::finished, this, &ConnectionStatus::onHealth);
    ApiRequest ready;
    ready.path = QStringLiteral("/readyz");
    connect(m_session->backend()->send(ready), &PendingCall::finished, this, &ConnectionStatus::onReady);
    if (m_admin == State::NotConfigured)
        return;
    ApiRequest admin;
    admin.path = QStringLiteral("/v1/admin/stats");
    admin.query.addQueryItem(QStringLiteral("window"), QStringLiteral("1"));
    admin.auth = ApiAuth::Admin;
    connect(m_session->backend()->send(admin), &PendingCall::finished, this, &ConnectionStatus::onAdmin);
}

void ConnectionStatus::onAdmin(const ApiResponse& response)
{
    // No answer at all is the server's problem, already shown beside this.
    m_admin = response.status == 0 ? State::Unknown : response.isSuccess() ? State::Good : State::Bad;
    QString text;
    if (response.status == 0)
        text = tr("Admin: –");
    else if (response.isSuccess())
        text = tr("Admin key accepted");
    else if (response.status == 401 || response.status == 403)
        text = tr("Admin key refused (HTTP %1)").arg(response.status);
    else if (response.status == 404)
        text = tr("Admin API disabled on the server (HTTP 404)");
    else
        text = tr("Admin API: HTTP %1").arg(response.status);
    showState(m_adminLabel, m_admin, text,
              m_admin == State::Bad ? tr("The DLQ, replay verification and the admin API's figures "
                                         "need an admin key the server accepts: fix it in "
                                         "File → Connections…")
                                    : QString());
    emit changed();
}

QString ConnectionStatus::adminText() const { return m_adminLabel->text(); }

QString ConnectionStatus::serverText() const { return m_serverLabel->text(); }

QString ConnectionStatus::serverDetail() const { return m_serverLabel->toolTip(); }

void ConnectionStatus::onHealth(const ApiResponse& response)
{
    m_reachable = response.status == 200 ? State::Good : State::Bad;
    showState(m_serverLabel, m_reachable,
         response.status == 200        ? tr("Server: reachable (%1 ms)").arg(response.elapsedMs)
         : response.tlsHandshakeFailed ? tr("Server: TLS handshake failed")
         : response.status == 0        ? tr("Server: unreachable")
                                : tr("Server: HTTP %1").arg(response.status),
         response.transportError);
    emit changed();
}

void ConnectionStatus::onReady(const ApiResponse& response)
{
    m_ready = response.status == 200 ? State::Good : State::Bad;
    showState(m_readyLabel, m_ready,
         response.status == 200 ? tr("Ready") : response.status == 0 ? tr("Ready: –") : tr("Not ready (HTTP %1)").arg(response.status));
    emit changed();
}

} // namespace mccig::console
