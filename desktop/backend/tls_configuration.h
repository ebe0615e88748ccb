#pragma once

#include "connection/connection_profile.h"

#include <QSslConfiguration>
#include <QString>

#include <expected>

namespace mccig::console {

// The TLS settings for talking to `profile`'s server: the system's CAs, plus
// the CA certificates in the profile's PEM file when it names one. Fails with
// a user-readable reason when the file cannot be read or holds no
// certificate, so a typo never turns into a silent handshake failure later.
std::expected<QSslConfiguration, QString> tlsConfigurationFor(const ConnectionProfile& profile);

} // namespace mccig::console
