#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace mccig::console {

// Which credential a request carries (API.md §2).
enum class ApiAuth {
    None,
    Admin,
    Tenant,
};

// One call of the server's HTTP API, independent of how it is carried: the
// HTTP backend sends it over the network, an embedded backend would hand it to
// the server's router in-process.
struct ApiRequest {
    QByteArray method = "GET";
    QString path;              // "/v1/admin/dlq", no query
    QUrlQuery query;
    QByteArray body;           // empty for none
    QByteArray contentType = "application/json"; // of a non-empty body
    // Sent as given, after the ones the backend sets (a provider's signature headers).
    QList<QPair<QByteArray, QByteArray>> headers;
    ApiAuth auth = ApiAuth::None;
    QString tenantKey;         // the key sent when auth is Tenant
    // Requests on different lanes use separate connection pools, so callers
    // that need real concurrency (replay, burst) are not capped by the
    // per-host connection limit of one pool.
    int lane = 0;
};

// What came back. `status` 0 means there was no HTTP answer at all and
// `transportError` says why (refused, timed out, cancelled).
struct ApiResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 elapsedMs = 0;
    QString transportError;
    // No answer because the TLS handshake failed (an untrusted or mismatched
    // certificate, or not TLS at all); transportError says why.
    bool tlsHandshakeFailed = false;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray& name) const;
};

} // namespace mccig::console
