#pragma once

#include "connection/connection_profile.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <utility>

namespace mccig::console {

class SecretStore;

// The saved connection profiles: names, server URLs and kinds in QSettings,
// secrets in a SecretStore under "<profile id>/admin", "<profile id>/tenants"
// and "<profile id>/redis" (a Redis URL may carry a password). A secret the
// store failed to write is kept in memory and written again when another
// store is chosen. Secrets that earlier versions left in plain text (under
// "secrets/" and the Redis URL beside the profile) move into the chosen store
// whenever one is set, and leave the settings file once it holds them; they
// stay in plain text only when plain text is the chosen store. Loading is
// asynchronous because the secrets are. GUI thread only.
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
    // Chooses where secrets go; may start null. Secrets whose write failed are
    // written to the new store.
    void setSecrets(SecretStore* secrets);
    bool hasUnwrittenSecrets() const { return !m_unwritten.isEmpty(); }

    static QString newProfileId();

signals:
    void profilesChanged();
    void secretsChanged();
    void secretWriteFailed(const QString& message);

private:
    void writeSecret(const QString& name, const QString& secret);
    void migratePlainSecrets();
    void forgetPlainCopy(const QString& name);
    // A secret not (yet) in the store: refused by it, or left in plain text.
    std::pair<bool, QString> pendingSecret(const QString& name) const;
    bool storesInPlainText() const;
    void readSecrets(std::shared_ptr<ConnectionProfile> profile, std::function<void(ConnectionProfile)> done,
                     int step);

    QPointer<SecretStore> m_secrets;
    QHash<QString, QString> m_unwritten; // name → secret the store refused
};

} // namespace mccig::console
