#include "backend_under_test.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/redis/redis_sync_connection.h"
#include "test_services.h"

#include <QTest>

#include <chrono>

namespace mccig::test {

BackendUnderTest::BackendUnderTest(const QString& name, int redisDb)
    : m_embedded(embeddedSelected())
{
    if (m_embedded)
        return; // the temporary data dir is new and empty
    m_redisUrl = redisUrlForDatabase(redisDb);
    m_databaseUrl = freshDatabaseUrl(name);
    RedisSyncConnection redis(*parseRedisUrl(m_redisUrl.toStdString()), std::chrono::seconds(5));
    if (!redis.command({"FLUSHDB"}))
        QFAIL("cannot empty the test Redis database");
}

bool BackendUnderTest::embeddedSelected() { return qgetenv("MCCIG_TEST_BACKEND") == "embedded"; }

QStringList BackendUnderTest::serverArgs() const
{
    if (m_embedded)
        return {"--data-dir", m_dataDir.path()};
    return {"--redis-url", m_redisUrl, "--database-url", m_databaseUrl};
}

QStringList BackendUnderTest::roleArgs(const QString& role) const
{
    return {"--role", m_embedded ? QStringLiteral("all") : role};
}

std::shared_ptr<Backend> BackendUnderTest::open() const
{
    const std::chrono::seconds timeout(5);
    if (!m_embedded)
        return std::make_shared<RedisPostgresBackend>(RedisPostgresSettings{
            *parseRedisUrl(m_redisUrl.toStdString()), m_databaseUrl.toStdString(), timeout});
    EmbeddedSettings settings;
    settings.dataDir = m_dataDir.path().toStdString();
    settings.exclusive = false;
    settings.timeout = timeout;
    auto backend = EmbeddedBackend::open(settings, std::make_shared<SystemClock>());
    if (!backend)
        qFatal("cannot open the embedded data dir beside the server: %s", backend.error().message.c_str());
    return *backend;
}

} // namespace mccig::test
