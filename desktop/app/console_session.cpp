#include "app/console_session.h"

#include "backend/http_backend.h"
#include "backend/tls_configuration.h"
#include "live/admin_live_source.h"
#include "live/redis_live_source.h"

namespace mccig::console {

ConsoleSession::ConsoleSession(const ConnectionProfile& profile, const QSslConfiguration& tls, QObject* parent)
    : QObject(parent), m_profile(profile)
{
    m_backend = new HttpBackend(profile.serverUrl, profile.adminKey, tls, this);
    if (profile.hasRedis())
        m_liveSource = new RedisLiveSource(profile.redisUrl.trimmed(), this);
    else
        m_liveSource = new AdminLiveSource(m_backend, this);
}

std::expected<ConsoleSession*, QString> ConsoleSession::open(const ConnectionProfile& profile, QObject* parent)
{
    if (!profile.serverUrl.isValid() || profile.serverUrl.scheme().isEmpty() || profile.serverUrl.host().isEmpty())
        return std::unexpected(tr("The profile has no valid server URL."));
    const QString scheme = profile.serverUrl.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return std::unexpected(tr("The server URL must start with http:// or https://."));
    const auto tls = tlsConfigurationFor(profile);
    if (!tls)
        return std::unexpected(tls.error());
    return new ConsoleSession(profile, *tls, parent);
}

} // namespace mccig::console
