#include "copy_loader.h"

#include "mccig/core/time_format.h"

#include <libpq-fe.h>

#include <iostream>
#include <memory>

namespace mccig::bench {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using ResultHandle = std::unique_ptr<PGresult, decltype(&PQclear)>;

void appendEscaped(std::string& out, const std::string& value)
{
    for (const char c : value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

Connection connect(const std::string& url)
{
    Connection connection(PQconnectdb(url.c_str()), &PQfinish);
    if (PQstatus(connection.get()) != CONNECTION_OK)
        std::cerr << "drain-bench: " << PQerrorMessage(connection.get());
    return connection;
}

} // namespace

std::string copyData(const std::vector<ConversationEvent>& events)
{
    std::string data;
    data.reserve(events.size() * 300);
    for (const auto& event : events) {
        for (const auto* field : {&event.id, &event.tenantId, &event.providerMessageId}) {
            appendEscaped(data, *field);
            data += '\t';
        }
        data += channelName(event.channel);
        data += '\t';
        appendEscaped(data, event.content);
        data += '\t';
        appendEscaped(data, event.rawMetadata.dump());
        data += '\t';
        data += formatUtc(event.createdAt);
        data += '\n';
    }
    return data;
}

bool copyRows(const std::string& databaseUrl, const std::string& data)
{
    auto connection = connect(databaseUrl);
    if (PQstatus(connection.get()) != CONNECTION_OK)
        return false;
    ResultHandle started(PQexec(connection.get(),
                                "COPY conversation_events (id, tenant_id, provider_message_id, channel, content, "
                                "raw_metadata, created_at) FROM STDIN"),
                         &PQclear);
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
        std::cerr << "drain-bench: " << PQerrorMessage(connection.get());
        return false;
    }
    if (PQputCopyData(connection.get(), data.data(), static_cast<int>(data.size())) != 1
        || PQputCopyEnd(connection.get(), nullptr) != 1) {
        std::cerr << "drain-bench: " << PQerrorMessage(connection.get());
        return false;
    }
    ResultHandle finished(PQgetResult(connection.get()), &PQclear);
    if (PQresultStatus(finished.get()) != PGRES_COMMAND_OK) {
        std::cerr << "drain-bench: " << PQerrorMessage(connection.get());
        return false;
    }
    return true;
}

bool execute(const std::string& databaseUrl, const std::string& sql)
{
    auto connection = connect(databaseUrl);
    if (PQstatus(connection.get()) != CONNECTION_OK)
        return false;
    ResultHandle result(PQexec(connection.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK && PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        std::cerr << "drain-bench: " << PQerrorMessage(connection.get());
        return false;
    }
    return true;
}

} // namespace mccig::bench
