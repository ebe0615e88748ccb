#pragma once

#include "backend/console_backend.h"

#include <QHash>
#include <QString>

class QNetworkAccessManager;

namespace mccig::console {

// ConsoleBackend over HTTP to a running mccig-server, with Qt Network.
// Every request has a transfer timeout, so a frozen server never leaves a
// call pending forever. GUI thread only.
class HttpBackend final : public ConsoleBackend {
    Q_OBJECT
public:
    HttpBackend(const QUrl& baseUrl, const QString& adminKey, QObject* parent = nullptr);

    PendingCall* send(const ApiRequest& request) override;
    QUrl baseUrl() const override { return m_baseUrl; }

    static constexpr int kTransferTimeoutMs = 10000;

private:
    QNetworkAccessManager* managerForLane(int lane);

    QUrl m_baseUrl;
    QString m_adminKey;
    QHash<int, QNetworkAccessManager*> m_managers;
};

} // namespace mccig::console
