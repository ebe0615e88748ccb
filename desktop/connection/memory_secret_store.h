#pragma once

#include "connection/secret_store.h"

#include <QHash>

namespace mccig::console {

// Secrets kept in memory only, for as long as the console runs: the choice
// "store nothing" when the keychain is locked or declined. Nothing reaches a
// disk, so the keys must be entered again after a restart.
class MemorySecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject* parent = nullptr);

    void read(const QString& name, ReadCallback done) override;
    void write(const QString& name, const QString& secret, WriteCallback done) override;
    void remove(const QString& name) override;
    bool isSecure() const override { return true; }
    QString description() const override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace mccig::console
