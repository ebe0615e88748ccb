#include "connection/keychain_secret_store.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace mccig::console {

KeychainSecretStore::KeychainSecretStore(QObject* parent) : SecretStore(parent) {}

void KeychainSecretStore::read(const QString& name, ReadCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        done(job->error() == QKeychain::NoError, job->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString& name, const QString& secret, WriteCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
    job->setKey(name);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        done(job->error() == QKeychain::NoError, job->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& name)
{
    auto* job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
    job->setKey(name);
    job->start();
}

QString KeychainSecretStore::description() const
{
    return tr("Secrets are kept in the system keychain");
}

} // namespace mccig::console
