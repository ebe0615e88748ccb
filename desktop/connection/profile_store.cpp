#include "connection/profile_store.h"

#include "connection/secret_store.h"
#include "connection/settings_secret_store.h"

#include <QSettings>
#include <QUuid>

#include <iterator>
#include <memory>
#include <tuple>
#include <utility>

namespace mccig::console {
namespace {

constexpr auto kProfilesArray = "profiles";

QString adminSecretName(const QString& id) { return id + QStringLiteral("/admin"); }
QString tenantSecretName(const QString& id) { return id + QStringLiteral("/tenants"); }
QString redisSecretName(const QString& id) { return id + QStringLiteral("/redis"); }

ConnectionProfile readProfile(const QSettings& settings)
{
    ConnectionProfile profile;
    profile.id = settings.value(QStringLiteral("id")).toString();
    profile.name = settings.value(QStringLiteral("name")).toString();
    // "local" was the Local engine's kind in earlier versions, which never
    // opened; such a profile now starts the local gateway.
    profile.kind = settings.value(QStringLiteral("kind")).toString() == QLatin1String("local")
                       ? ProfileKind::LocalGateway
                       : ProfileKind::Http;
    profile.serverUrl = QUrl(settings.value(QStringLiteral("serverUrl")).toString());
    profile.caCertificateFile = settings.value(QStringLiteral("caCertificateFile")).toString();
    // Profiles saved before the Redis URL became a secret have it here until
    // migratePlainSecrets() moves it.
    profile.redisUrl = settings.value(QStringLiteral("redisUrl")).toString();
    return profile;
}

void writeProfile(QSettings& settings, const ConnectionProfile& profile)
{
    settings.setValue(QStringLiteral("id"), profile.id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("kind"),
                      profile.kind == ProfileKind::LocalGateway ? QStringLiteral("local") : QStringLiteral("http"));
    settings.setValue(QStringLiteral("serverUrl"), profile.serverUrl.toString());
    if (!profile.caCertificateFile.isEmpty())
        settings.setValue(QStringLiteral("caCertificateFile"), profile.caCertificateFile);
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

void removeLegacyRedisUrl(const QString& id)
{
    QSettings settings;
    const int count = settings.beginReadArray(QLatin1String(kProfilesArray));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        if (settings.value(QStringLiteral("id")).toString() == id)
            settings.remove(QStringLiteral("redisUrl"));
    }
    settings.endArray();
}

} // namespace

ProfileStore::ProfileStore(SecretStore* secrets, QObject* parent) : QObject(parent), m_secrets(secrets)
{
    migratePlainSecrets();
}

void ProfileStore::setSecrets(SecretStore* secrets)
{
    m_secrets = secrets;
    const QHash<QString, QString> unwritten = std::exchange(m_unwritten, {});
    for (auto it = unwritten.cbegin(); it != unwritten.cend(); ++it)
        writeSecret(it.key(), it.value());
    migratePlainSecrets();
    emit secretsChanged();
}

bool ProfileStore::storesInPlainText() const
{
    return qobject_cast<const SettingsSecretStore*>(m_secrets.data()) != nullptr;
}

// Earlier versions wrote secrets to plain text when the keychain failed, and
// the Redis URL (which may hold a password) beside the profile's name.
void ProfileStore::migratePlainSecrets()
{
    if (!m_secrets)
        return;
    QSettings settings;
    for (const ConnectionProfile& profile : profilesWithoutSecrets()) {
        if (!profile.redisUrl.isEmpty())
            writeSecret(redisSecretName(profile.id), profile.redisUrl);
        if (storesInPlainText())
            continue;
        for (const QString& name : {adminSecretName(profile.id), tenantSecretName(profile.id), redisSecretName(profile.id)}) {
            const QVariant plain = settings.value(SettingsSecretStore::settingsKey(name));
            if (plain.isValid())
                writeSecret(name, plain.toString());
        }
    }
}

std::pair<bool, QString> ProfileStore::pendingSecret(const QString& name) const
{
    if (const auto unwritten = m_unwritten.constFind(name); unwritten != m_unwritten.cend())
        return {true, unwritten.value()};
    const QVariant plain = QSettings().value(SettingsSecretStore::settingsKey(name));
    return {plain.isValid(), plain.toString()};
}

// A secret the chosen store holds must not stay behind in plain text.
void ProfileStore::forgetPlainCopy(const QString& name)
{
    if (!storesInPlainText())
        QSettings().remove(SettingsSecretStore::settingsKey(name));
    const QString redisSuffix = redisSecretName(QString());
    if (name.endsWith(redisSuffix))
        removeLegacyRedisUrl(name.chopped(redisSuffix.size()));
}

void ProfileStore::writeSecret(const QString& name, const QString& secret)
{
    if (!m_secrets) {
        m_unwritten.insert(name, secret);
        return;
    }
    QPointer<ProfileStore> guard(this);
    m_secrets->write(name, secret, [guard, name, secret](bool ok, const QString& error) {
        if (!guard)
            return;
        if (ok) {
            guard->forgetPlainCopy(name);
            return;
        }
        guard->m_unwritten.insert(name, secret);
        emit guard->secretWriteFailed(error);
    });
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
    readSecrets(profile, std::move(done), 0);
}

// Reads the secrets one after another; each one found fills its field.
void ProfileStore::readSecrets(std::shared_ptr<ConnectionProfile> profile,
                               std::function<void(ConnectionProfile)> done, int step)
{
    const QString names[] = {adminSecretName(profile->id), tenantSecretName(profile->id), redisSecretName(profile->id)};
    if (step == int(std::size(names)) || !m_secrets) {
        done(*profile);
        return;
    }
    QPointer<ProfileStore> guard(this);
    const QString name = names[step];
    m_secrets->read(name, [guard, profile, done, step, name](bool found, QString secret) {
        // Not yet moved out of plain text (the keychain refused, or is still writing).
        if (!found && guard)
            std::tie(found, secret) = guard->pendingSecret(name);
        if (found && step == 0)
            profile->adminKey = secret;
        else if (found && step == 1)
            profile->tenantKeys = parseTenantKeys(secret);
        else if (found && step == 2)
            profile->redisUrl = secret;
        if (guard)
            guard->readSecrets(profile, done, step + 1);
        else
            done(*profile);
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
    writeSecret(adminSecretName(profile.id), profile.adminKey);
    writeSecret(tenantSecretName(profile.id), formatTenantKeys(profile.tenantKeys));
    writeSecret(redisSecretName(profile.id), profile.redisUrl);
    emit profilesChanged();
}

void ProfileStore::removeProfile(const QString& id)
{
    QList<ConnectionProfile> profiles = profilesWithoutSecrets();
    profiles.removeIf([&id](const ConnectionProfile& profile) { return profile.id == id; });
    writeAll(profiles);
    for (const QString& name : {adminSecretName(id), tenantSecretName(id), redisSecretName(id)}) {
        m_unwritten.remove(name);
        QSettings().remove(SettingsSecretStore::settingsKey(name));
        if (m_secrets)
            m_secrets->remove(name);
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
