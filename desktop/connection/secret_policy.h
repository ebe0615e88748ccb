#pragma once

#include <QObject>

namespace mccig::console {

class SecretStore;

// Where the user wants secrets kept. The keychain is the default; the other
// two are chosen by the user when the keychain is locked or declines a write.
enum class SecretPolicy {
    Keychain,
    PlainText,
    Nothing,
};

// The policy saved in the settings (Keychain when none was chosen).
SecretPolicy savedSecretPolicy();
void saveSecretPolicy(SecretPolicy policy);
// A new store for `policy`, owned by `parent`. No secret is written to find
// out whether a keychain answers: a failed write says so when it happens.
SecretStore* createSecretStore(SecretPolicy policy, QObject* parent);

} // namespace mccig::console
