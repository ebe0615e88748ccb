#pragma once

#include "connection/connection_profile.h"

#include <QCoreApplication>

#include <optional>

namespace mccig::console {

// The connection profile of the local gateway: kind LocalGateway, no Redis,
// keys the console made up itself and keeps like any profile's secrets. Its
// server URL is the running gateway's (the port changes from one start to
// the next), filled in when it connects.
class LocalProfile final {
    Q_DECLARE_TR_FUNCTIONS(LocalProfile)
public:
    // The tenant whose key the local gateway's profile holds.
    static constexpr auto kTenantId = "local";

    // A new, unsaved local profile with fresh keys.
    static ConnectionProfile create();
    // `profile` with a fresh admin key and tenant key where it has none.
    static ConnectionProfile withKeys(ConnectionProfile profile);
    // The first local profile among `profiles`, if any.
    static std::optional<ConnectionProfile> findIn(const QList<ConnectionProfile>& profiles);
};

} // namespace mccig::console
