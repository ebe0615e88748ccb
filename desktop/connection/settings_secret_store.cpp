#include "connection/settings_secret_store.h"

#include <QSettings>

namespace mccig::console {

QString SettingsSecretStore::settingsKey(const QString& name) { return QStringLiteral("secrets/") + name; }

SettingsSecretStore::SettingsSecretStore(QObject* parent) : SecretStore(parent) {}

void SettingsSecretStore::read(const QString& name, ReadCallback done)
{
    QSettings settings;
    const QVariant value = settings.value(settingsKey(name));
    done(value.isValid(), value.toString());
}

void SettingsSecretStore::write(const QString& name, const QString& secret, WriteCallback done)
{
    QSettings settings;
    settings.setValue(settingsKey(name), secret);
    settings.sync();
    done(settings.status() == QSettings::NoError, settings.status() == QSettings::NoError ? QString() : tr("cannot write the settings file"));
}

void SettingsSecretStore::remove(const QString& name)
{
    QSettings settings;
    settings.remove(settingsKey(name));
}

QString SettingsSecretStore::description() const
{
    return tr("No keychain is available: secrets are stored in plain text in %1").arg(QSettings().fileName());
}

} // namespace mccig::console
