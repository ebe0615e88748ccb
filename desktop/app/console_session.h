#pragma once

#include "connection/connection_profile.h"

#include <QObject>
#include <QSslConfiguration>

#include <expected>

namespace mccig::console {

class ConsoleBackend;
class LiveSource;

// One open connection: the profile, the backend every screen talks through,
// and the live source the Dashboard and Rate Limit Monitor share (Redis when
// the profile has a URL, else the admin API). Owns both; GUI thread only.
class ConsoleSession final : public QObject {
    Q_OBJECT
public:
    // Fails with a user-readable reason for profiles that cannot be opened
    // (a missing or non-HTTP(S) server URL, an unreadable CA certificate
    // file). A local gateway profile opens once its URL is filled in.
    static std::expected<ConsoleSession*, QString> open(const ConnectionProfile& profile, QObject* parent = nullptr);

    const ConnectionProfile& profile() const { return m_profile; }
    ConsoleBackend* backend() const { return m_backend; }
    LiveSource* liveSource() const { return m_liveSource; }
    bool readsRedis() const { return m_profile.hasRedis(); }

private:
    ConsoleSession(const ConnectionProfile& profile, const QSslConfiguration& tls, QObject* parent);

    ConnectionProfile m_profile;
    ConsoleBackend* m_backend = nullptr;
    LiveSource* m_liveSource = nullptr;
};

} // namespace mccig::console
