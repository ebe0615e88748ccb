#pragma once

#include "connection/secret_store.h"

namespace mccig::console {

// Secrets in the console's settings file, in plain text: the fallback when the
// platform has no keychain. The UI says so (isSecure() is false).
class SettingsSecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit SettingsSecretStore(QObject* parent = nullptr);

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QString& secret, WriteCallback done) override;
    void remove(const QString& name) override;
    bool isSecure() const override { return false; }
    QString description() const override;

    // Where the secret `name` is kept in the settings file.
    static QString settingsKey(const QString& name);
};

} // namespace mccig::console
