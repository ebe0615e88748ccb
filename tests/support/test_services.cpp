#include "test_services.h"

#include <QUrl>
#include <QtGlobal>

#include <libpq-fe.h>

#include <memory>

namespace mccig::test {
namespace {

QString requiredVariable(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set: run the tests through scripts/test.sh, which starts Redis and PostgreSQL", name);
    return value;
}

void execOrDie(PGconn* connection, const QString& sql)
{
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, sql.toUtf8().constData()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        qFatal("test database set-up failed: %s", PQerrorMessage(connection));
}

} // namespace

QString redisUrl() { return requiredVariable("MCCIG_TEST_REDIS_URL"); }

QString databaseUrl() { return requiredVariable("MCCIG_TEST_DATABASE_URL"); }

QString redisUrlForDatabase(int db)
{
    QUrl url(redisUrl());
    url.setPath(QStringLiteral("/%1").arg(db));
    return url.toString();
}

QString freshDatabaseUrl(const QString& name)
{
    const QString adminUrl = databaseUrl();
    std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(adminUrl.toUtf8().constData()), &PQfinish);
    if (PQstatus(connection.get()) != CONNECTION_OK)
        qFatal("cannot reach the test PostgreSQL: %s", PQerrorMessage(connection.get()));
    execOrDie(connection.get(), QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name));
    execOrDie(connection.get(), QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
    QUrl url(adminUrl);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

} // namespace mccig::test
