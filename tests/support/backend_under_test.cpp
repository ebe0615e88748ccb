#include "backend_under_test.h"

#include "data_dir.h"
#include "sqlite_connection.h"
#include "test_services.h"

#include "mccig/backends/embedded_backend.h"
#include "mccig/backends/redis_postgres_backend.h"
#include "mccig/redis/redis_sync_connection.h"

#include <QTest>

#include <libpq-fe.h>

#include <chrono>
#include <filesystem>
#include <memory>

namespace mccig::test {
namespace {

const char* const kDeleteEvent = "DELETE FROM conversation_events WHERE tenant_id = $1 AND provider_message_id = $2";

long long deleteFromPostgres(const QString& databaseUrl, const QByteArray& tenantId,
                             const QByteArray& providerMessageId)
{
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(databaseUrl.toUtf8().constData()), &PQfinish);
    const char* values[] = {tenantId.constData(), providerMessageId.constData()};
    std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(connection.get(), kDeleteEvent, 2, nullptr, values, nullptr, nullptr, 0), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        return -1;
    return QByteArray(PQcmdTuples(result.get())).toLongLong();
}

long long deleteFromSqlite(const QString& dataDir, const QByteArray& tenantId, const QByteArray& providerMessageId)
{
    const auto folder = embedded::DataDir::share(dataDir.toStdString());
    if (!folder)
        return -1;
    auto connection = embedded::SqliteConnection::open(folder->databasePath(), embedded::Durability::Normal, false);
    if (!connection)
        return -1;
    auto statement = connection->prepare(kDeleteEvent);
    if (!statement || !statement->bind(1, tenantId.toStdString()).bind(2, providerMessageId.toStdString()).run())
        return -1;
    return connection->changes();
}

} // namespace

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

std::shared_ptr<Backend> BackendUnderTest::open() const { return open(false); }

std::shared_ptr<Backend> BackendUnderTest::openAlone() const { return open(true); }

std::shared_ptr<Backend> BackendUnderTest::open(bool exclusive) const
{
    const std::chrono::seconds timeout(5);
    if (!m_embedded)
        return std::make_shared<RedisPostgresBackend>(RedisPostgresSettings{
            *parseRedisUrl(m_redisUrl.toStdString()), m_databaseUrl.toStdString(), timeout});
    EmbeddedSettings settings;
    settings.dataDir = m_dataDir.path().toStdString();
    settings.exclusive = exclusive;
    settings.timeout = timeout;
    auto backend = EmbeddedBackend::open(settings, std::make_shared<SystemClock>());
    if (!backend)
        qFatal("cannot open the embedded data dir: %s", backend.error().message.c_str());
    return *backend;
}

std::shared_ptr<Backend> BackendUnderTest::openUnreachable() const
{
    const std::chrono::milliseconds timeout(500);
    if (!m_embedded) {
        auto nowhere = *parseRedisUrl(m_redisUrl.toStdString());
        nowhere.port = 1;
        return std::make_shared<RedisPostgresBackend>(
            RedisPostgresSettings{nowhere, "postgresql://postgres@127.0.0.1:1/postgres", timeout});
    }
    EmbeddedSettings settings;
    settings.dataDir = m_dataDir.filePath(QStringLiteral("unreachable")).toStdString();
    settings.exclusive = false;
    settings.timeout = timeout;
    auto backend = EmbeddedBackend::open(settings, std::make_shared<SystemClock>());
    if (!backend)
        qFatal("cannot open the embedded data dir: %s", backend.error().message.c_str());
    // Its instances open the database on first use, and find it gone.
    std::filesystem::remove_all(settings.dataDir);
    return *backend;
}

long long BackendUnderTest::deleteStoredEvent(const QString& tenantId, const QString& providerMessageId) const
{
    if (m_embedded)
        return deleteFromSqlite(m_dataDir.path(), tenantId.toUtf8(), providerMessageId.toUtf8());
    return deleteFromPostgres(m_databaseUrl, tenantId.toUtf8(), providerMessageId.toUtf8());
}

} // namespace mccig::test
