#include "local/local_profile.h"

#include "connection/profile_store.h"
#include "connection/secret_store.h"

#include <QRandomGenerator>

#include <array>

namespace mccig::console {
namespace {

// 192 random bits, as hex: nothing the server's key syntax (tenant:key, comma
// separated) treats specially.
QString randomKey()
{
    std::array<quint32, 6> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words.data()), sizeof(words)).toHex());
}

} // namespace

ConnectionProfile LocalProfile::create()
{
    ConnectionProfile profile;
    profile.id = ProfileStore::newProfileId();
    profile.name = tr("Local");
    profile.kind = ProfileKind::LocalGateway;
    return withKeys(profile);
}

ConnectionProfile LocalProfile::withKeys(ConnectionProfile profile)
{
    if (profile.adminKey.isEmpty())
        profile.adminKey = randomKey();
    if (profile.tenantKeys.isEmpty())
        profile.tenantKeys.append(TenantKey{QString::fromLatin1(kTenantId), randomKey()});
    return profile;
}

std::optional<ConnectionProfile> LocalProfile::findIn(const QList<ConnectionProfile>& profiles)
{
    for (const ConnectionProfile& profile : profiles) {
        if (profile.kind == ProfileKind::LocalGateway)
            return profile;
    }
    return std::nullopt;
}

} // namespace mccig::console
