#pragma once

#include "connection/secret_store.h"

namespace mccig::console {

// Secrets in the platform keychain (Keychain, Credential Manager, Secret
// Service) through QtKeychain; nothing is written in plain text.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QString& secret, WriteCallback done) override;
    void remove(const QString& name) override;
    bool isSecure() const override { return true; }
    QString description() const override;

    // Asks the platform whether a keychain answers, by writing and reading a
    // probe entry; `done(true)` when it does. Asynchronous, GUI thread.
    static void probe(QObject* context, std::function<void(bool available)> done);

    static constexpr const char* kService = "mccig-console";
};

} // namespace mccig::console
