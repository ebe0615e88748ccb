#pragma once

#include "backend/console_backend.h"

#include <QHash>
#include <QSslConfiguration>
#include <QString>

class QNetworkAccessManager;

namespace mccig::console {

// ConsoleBackend over HTTP or HTTPS to a running mccig-server, with Qt
// Network; https:// requests use `tls` (tlsConfigurationFor()). Every request
// has a transfer timeout, so a frozen server never leaves a call pending
// forever. GUI thread only.
class HttpBackend final : public ConsoleBackend {
    Q_OBJECT
public:
    HttpBackend(const QUrl& baseUrl, const QString& adminKey, const QSslConfiguration& tls, QObject* parent = nullptr);

    PendingCall* send(const ApiRequest& request) override;
    QUrl baseUrl() const override { return m_baseUrl; }

    static constexpr int kTransferTimeoutMs = 10000;

private:
    QNetworkAccessManager* managerForLane(int lane);

    QUrl m_baseUrl;
    QString m_adminKey;
    QSslConfiguration m_tls;
    QHash<int, QNetworkAccessManager*> m_managers;
};

} // namespace mccig::console
