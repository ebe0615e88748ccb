#pragma once

#include "connection/connection_profile.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace mccig::console {

class SecretStore;

// The saved connection profiles: names, URLs and kinds in QSettings, secrets
// in a SecretStore under "<profile id>/admin" and "<profile id>/tenants".
// Loading is asynchronous because the secrets are. GUI thread only.
class ProfileStore final : public QObject {
    Q_OBJECT
public:
    explicit ProfileStore(SecretStore* secrets, QObject* parent = nullptr);

    // Non-secret fields of every profile, in saved order, right away.
    QList<ConnectionProfile> profilesWithoutSecrets() const;
    // One profile with its secrets filled in; `done` runs once.
    void loadProfile(const QString& id, std::function<void(ConnectionProfile)> done);
    void saveProfile(const ConnectionProfile& profile);
    void removeProfile(const QString& id);

    QString lastUsedProfileId() const;
    void setLastUsedProfileId(const QString& id);

    SecretStore* secrets() const { return m_secrets; }
    // Chooses where secrets go (after probing for a keychain); may start null.
    void setSecrets(SecretStore* secrets);

    static QString newProfileId();

signals:
    void profilesChanged();
    void secretsChanged();
    void secretWriteFailed(const QString& message);

private:
    QPointer<SecretStore> m_secrets;
};

} // namespace mccig::console
