#include "operations/database_probe.h"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace mccig::server {
namespace {

struct ConnectionDeleter {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};

} // namespace

Result<void> probeDatabase(const std::string& databaseUrl, std::chrono::milliseconds timeout)
{
    const auto seconds = std::max<long long>(2, (timeout.count() + 999) / 1000);
    const std::string connectTimeout = std::to_string(seconds);
    const std::string statementTimeout = "-c statement_timeout=" + std::to_string(timeout.count());
    const char* keywords[] = {"dbname", "connect_timeout", "options", nullptr};
    const char* values[] = {databaseUrl.c_str(), connectTimeout.c_str(), statementTimeout.c_str(), nullptr};
    std::unique_ptr<PGconn, ConnectionDeleter> connection(PQconnectdbParams(keywords, values, 1));
    if (PQstatus(connection.get()) != CONNECTION_OK)
        return failure(ErrorKind::Unavailable, PQerrorMessage(connection.get()));
    std::unique_ptr<PGresult, ResultDeleter> result(PQexec(connection.get(), "SELECT 1"));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        return failure(ErrorKind::Unavailable, PQerrorMessage(connection.get()));
    return {};
}

} // namespace mccig::server
