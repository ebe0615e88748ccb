#include "backend/http_backend.h"

#include "backend/pending_call.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <memory>

namespace mccig::console {
namespace {

constexpr int kMaxLanes = 64;

QNetworkRequest buildRequest(const QUrl& base, const ApiRequest& request, const QString& adminKey,
                             const QSslConfiguration& tls)
{
    QUrl url = base;
    url.setPath(request.path);
    url.setQuery(request.query);
    QNetworkRequest networkRequest(url);
    networkRequest.setTransferTimeout(HttpBackend::kTransferTimeoutMs);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == QLatin1String("https"))
        networkRequest.setSslConfiguration(tls);
    if (!request.body.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    const QString key = request.auth == ApiAuth::Admin ? adminKey
                        : request.auth == ApiAuth::Tenant ? request.tenantKey
                                                          : QString();
    if (!key.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    return networkRequest;
}

ApiResponse responseFrom(QNetworkReply* reply, qint64 elapsedMs)
{
    ApiResponse response;
    response.elapsedMs = elapsedMs;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    if (response.status == 0) {
        response.transportError = reply->errorString();
        response.tlsHandshakeFailed = reply->error() == QNetworkReply::SslHandshakeFailedError;
    }
    return response;
}

} // namespace

HttpBackend::HttpBackend(const QUrl& baseUrl, const QString& adminKey, const QSslConfiguration& tls,
                         QObject* parent)
    : ConsoleBackend(parent), m_baseUrl(baseUrl), m_adminKey(adminKey), m_tls(tls)
{
}

QNetworkAccessManager* HttpBackend::managerForLane(int lane)
{
    const int slot = qBound(0, lane, kMaxLanes - 1);
    auto*& manager = m_managers[slot];
    if (manager == nullptr)
        manager = new QNetworkAccessManager(this);
    return manager;
}

PendingCall* HttpBackend::send(const ApiRequest& request)
{
    auto* call = new PendingCall(this);
    QNetworkReply* reply = managerForLane(request.lane)
                               ->sendCustomRequest(buildRequest(m_baseUrl, request, m_adminKey, m_tls),
                                                   request.method, request.body);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QPointer<PendingCall> guard(call);
    connect(call, &PendingCall::cancelRequested, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::finished, this, [guard, reply, timer] {
        const ApiResponse response = responseFrom(reply, timer->elapsed());
        reply->deleteLater();
        if (guard)
            guard->complete(response);
    });
    return call;
}

} // namespace mccig::console
