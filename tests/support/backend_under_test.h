#pragma once

#include "mccig/ports/backend.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mccig::test {

// A conformance test runs once per backend (registered with BACKENDS in
// tests/CMakeLists.txt): MCCIG_TEST_BACKEND is "embedded" or, by default,
// Redis + PostgreSQL. This is a fresh store of that backend for one test
// executable, and the way to point a server and the test's own reads at it.
class BackendUnderTest final {
public:
    // `name` names the PostgreSQL database; `redisDb` the Redis database (0-31)
    // the Redis + PostgreSQL store uses. Both are emptied first.
    BackendUnderTest(const QString& name, int redisDb);

    static bool embeddedSelected();
    bool embedded() const { return m_embedded; }

    // The server flags that select this store.
    QStringList serverArgs() const;
    // `--role ROLE`, where the backend allows it: the embedded backend runs
    // every role in one process, so there it is always "all".
    QStringList roleArgs(const QString& role) const;
    // The test's own Backend on the same store, for reading what the server
    // did. The embedded one is opened beside the server, without the lock.
    std::shared_ptr<Backend> open() const;
    // The test's Backend as the only process on the store, when no server
    // runs: the embedded one takes the data dir's lock and runs its admission
    // writer, so its admission gate admits.
    std::shared_ptr<Backend> openAlone() const;
    // A Backend of the same kind whose store is gone: Redis and PostgreSQL on
    // a closed port, or an embedded database removed after it was opened.
    // Every call of its instances fails as an outage.
    std::shared_ptr<Backend> openUnreachable() const;
    // Deletes a stored event behind the backend's back, a loss planted for a
    // test to detect (no port may do this). Returns the rows deleted, or -1.
    long long deleteStoredEvent(const QString& tenantId, const QString& providerMessageId) const;

private:
    std::shared_ptr<Backend> open(bool exclusive) const;

    bool m_embedded;
    QTemporaryDir m_dataDir;
    QString m_redisUrl;
    QString m_databaseUrl;
};

} // namespace mccig::test
