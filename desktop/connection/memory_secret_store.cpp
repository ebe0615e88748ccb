#include "connection/memory_secret_store.h"

namespace mccig::console {

MemorySecretStore::MemorySecretStore(QObject* parent) : SecretStore(parent) {}

void MemorySecretStore::read(const QString& name, ReadCallback done)
{
    const auto found = m_secrets.constFind(name);
    done(found != m_secrets.constEnd(), found != m_secrets.constEnd() ? found.value() : QString());
}

void MemorySecretStore::write(const QString& name, const QString& secret, WriteCallback done)
{
    m_secrets.insert(name, secret);
    done(true, QString());
}

void MemorySecretStore::remove(const QString& name) { m_secrets.remove(name); }

QString MemorySecretStore::description() const
{
    return tr("Secrets are not stored: they are kept only until the console closes");
}

} // namespace mccig::console
