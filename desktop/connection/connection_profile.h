#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace mccig::console {

// How a profile reaches an engine.
enum class ProfileKind {
    Http,         // a mccig-server over HTTP (and optionally its Redis)
    LocalGateway, // the console's own mccig-server (desktop/local): URL filled in when it runs
};

struct TenantKey {
    QString tenantId;
    QString key;

    friend bool operator==(const TenantKey&, const TenantKey&) = default;
};

// One place the console can connect to. Secrets (adminKey, tenant keys) are
// persisted apart from the rest, through a SecretStore.
struct ConnectionProfile {
    QString id;          // stable, generated; the settings group and keychain entry name
    QString name;
    ProfileKind kind = ProfileKind::Http;
    QUrl serverUrl;
    QString adminKey;
    QList<TenantKey> tenantKeys;
    QString redisUrl;    // optional: live figures read directly from Redis
    // Optional PEM file of the CA that signed an https:// server's
    // certificate, trusted beside the system's CAs. Not a secret.
    QString caCertificateFile;

    bool hasRedis() const { return !redisUrl.trimmed().isEmpty(); }
    QString keyForTenant(const QString& tenantId) const;

    friend bool operator==(const ConnectionProfile&, const ConnectionProfile&) = default;
};

// "tenant:key,tenant:key" (the server's --api-keys syntax) both ways. Entries
// without a colon or with an empty part are dropped.
QList<TenantKey> parseTenantKeys(const QString& text);
QString formatTenantKeys(const QList<TenantKey>& keys);

} // namespace mccig::console
