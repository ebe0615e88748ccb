#pragma once

#include "connection/secret_store.h"

namespace mccig::console {

// Secrets in the platform keychain (Keychain, Credential Manager, Secret
// Service) through QtKeychain; nothing is written in plain text. A locked or
// absent keychain shows up as a failed write or read.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QString& secret, WriteCallback done) override;
    void remove(const QString& name) override;
    bool isSecure() const override { return true; }
    QString description() const override;

    static constexpr const char* kService = "mccig-console";
};

} // namespace mccig::console
