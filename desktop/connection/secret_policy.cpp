#include "connection/secret_policy.h"

#include "connection/keychain_secret_store.h"
#include "connection/memory_secret_store.h"
#include "connection/settings_secret_store.h"

#include <QSettings>

namespace mccig::console {
namespace {

constexpr auto kPolicyKey = "secretsPolicy";

} // namespace

SecretPolicy savedSecretPolicy()
{
    const QString saved = QSettings().value(QLatin1String(kPolicyKey)).toString();
    if (saved == QLatin1String("plaintext"))
        return SecretPolicy::PlainText;
    if (saved == QLatin1String("nothing"))
        return SecretPolicy::Nothing;
    return SecretPolicy::Keychain;
}

void saveSecretPolicy(SecretPolicy policy)
{
    const char* names[] = {"keychain", "plaintext", "nothing"};
    QSettings().setValue(QLatin1String(kPolicyKey), QLatin1String(names[int(policy)]));
}

SecretStore* createSecretStore(SecretPolicy policy, QObject* parent)
{
    switch (policy) {
    case SecretPolicy::PlainText: return new SettingsSecretStore(parent);
    case SecretPolicy::Nothing: return new MemorySecretStore(parent);
    case SecretPolicy::Keychain: break;
    }
    return new KeychainSecretStore(parent);
}

} // namespace mccig::console
