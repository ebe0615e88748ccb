#include "connection/profile_store.h"

#include "connection/secret_store.h"

#include <QSettings>
#include <QUuid>

#include <memory>

namespace mccig::console {
namespace {

constexpr auto kProfilesArray = "profiles";

QString adminSecretName(const QString& id) { return id + QStringLiteral("/admin"); }
QString tenantSecretName(const QString& id) { return id + QStringLiteral("/tenants"); }

ConnectionProfile readProfile(const QSettings& settings)
{
    ConnectionProfile profile;
    profile.id = settings.value(QStringLiteral("id")).toString();
    profile.name = settings.value(QStringLiteral("name")).toString();
    profile.kind = settings.value(QStringLiteral("kind")).toString() == QLatin1String("local")
                       ? ProfileKind::LocalEngine
                       : ProfileKind::Http;
    profile.serverUrl = QUrl(settings.value(QStringLiteral("serverUrl")).toString());
    profile.redisUrl = settings.value(QStringLiteral("redisUrl")).toString();
    return profile;
}

void writeProfile(QSettings& settings, const ConnectionProfile& profile)
{
    settings.setValue(QStringLiteral("id"), profile.id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("kind"),
                      profile.kind == ProfileKind::LocalEngine ? QStringLiteral("local") : QStringLiteral("http"));
    settings.setValue(QStringLiteral("serverUrl"), profile.serverUrl.toString());
    settings.setValue(QStringLiteral("redisUrl"), profile.redisUrl);
}

void writeAll(const QList<ConnectionProfile>& profiles)
{
    QSettings settings;
    settings.remove(QLatin1String(kProfilesArray));
    settings.beginWriteArray(QLatin1String(kProfilesArray), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        writeProfile(settings, profiles.at(i));
    }
    settings.endArray();
}

} // namespace

ProfileStore::ProfileStore(SecretStore* secrets, QObject* parent) : QObject(parent), m_secrets(secrets) {}

void ProfileStore::setSecrets(SecretStore* secrets)
{
    m_secrets = secrets;
    emit secretsChanged();
}

QList<ConnectionProfile> ProfileStore::profilesWithoutSecrets() const
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(QLatin1String(kProfilesArray));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        profiles.append(readProfile(settings));
    }
    settings.endArray();
    return profiles;
}

void ProfileStore::loadProfile(const QString& id, std::function<void(ConnectionProfile)> done)
{
    auto profile = std::make_shared<ConnectionProfile>();
    for (const ConnectionProfile& candidate : profilesWithoutSecrets()) {
        if (candidate.id == id)
            *profile = candidate;
    }
    if (profile->id.isEmpty() || !m_secrets) {
        done(*profile);
        return;
    }
    QPointer<ProfileStore> guard(this);
    m_secrets->read(adminSecretName(id), [guard, profile, done, id](bool found, const QString& admin) {
        if (found)
            profile->adminKey = admin;
        if (!guard || !guard->m_secrets) {
            done(*profile);
            return;
        }
        guard->m_secrets->read(tenantSecretName(id), [profile, done](bool foundKeys, const QString& keys) {
            if (foundKeys)
                profile->tenantKeys = parseTenantKeys(keys);
            done(*profile);
        });
    });
}

void ProfileStore::saveProfile(const ConnectionProfile& profile)
{
    QList<ConnectionProfile> profiles = profilesWithoutSecrets();
    bool replaced = false;
    for (ConnectionProfile& existing : profiles) {
        if (existing.id == profile.id) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced)
        profiles.append(profile);
    writeAll(profiles);
    if (m_secrets) {
        QPointer<ProfileStore> guard(this);
        const auto report = [guard](bool ok, const QString& error) {
            if (!ok && guard)
                emit guard->secretWriteFailed(error);
        };
        m_secrets->write(adminSecretName(profile.id), profile.adminKey, report);
        m_secrets->write(tenantSecretName(profile.id), formatTenantKeys(profile.tenantKeys), report);
    }
    emit profilesChanged();
}

void ProfileStore::removeProfile(const QString& id)
{
    QList<ConnectionProfile> profiles = profilesWithoutSecrets();
    profiles.removeIf([&id](const ConnectionProfile& profile) { return profile.id == id; });
    writeAll(profiles);
    if (m_secrets) {
        m_secrets->remove(adminSecretName(id));
        m_secrets->remove(tenantSecretName(id));
    }
    emit profilesChanged();
}

QString ProfileStore::lastUsedProfileId() const
{
    return QSettings().value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsedProfileId(const QString& id)
{
    QSettings().setValue(QStringLiteral("lastProfile"), id);
}

QString ProfileStore::newProfileId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace mccig::console
