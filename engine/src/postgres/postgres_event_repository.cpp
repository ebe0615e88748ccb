#include "mccig/postgres/postgres_event_repository.h"

#include "event_cursor.h"
#include "mccig/core/time_format.h"

#include <libpq-fe.h>

#include <charconv>

namespace mccig {
namespace {

constexpr int kColumnsPerRow = 7;
constexpr const char* kSelectColumns =
    "SELECT id::text, tenant_id, provider_message_id, channel, content, raw_metadata::text, "
    "(extract(epoch FROM created_at) * 1000000)::bigint FROM conversation_events";

std::string insertStatement(std::size_t rows)
{
    std::string sql = "INSERT INTO conversation_events "
                      "(id, tenant_id, provider_message_id, channel, content, raw_metadata, created_at) VALUES ";
    sql.reserve(sql.size() + rows * 80);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t n = row * kColumnsPerRow;
        sql += row ? ",(" : "(";
        sql += "$" + std::to_string(n + 1) + "::uuid,$" + std::to_string(n + 2) + ",$" + std::to_string(n + 3)
            + ",$" + std::to_string(n + 4) + ",$" + std::to_string(n + 5) + ",$" + std::to_string(n + 6)
            + "::jsonb,$" + std::to_string(n + 7) + "::timestamptz)";
    }
    sql += " ON CONFLICT DO NOTHING";
    return sql;
}

// Appends "AND column = $n" for each set field of the filter.
std::string whereClause(const EventFilter& filter, std::vector<PgParam>& params)
{
    std::string where = " WHERE true";
    auto add = [&](const char* column, std::string value) {
        params.emplace_back(std::move(value));
        where += std::string(" AND ") + column + " = $" + std::to_string(params.size());
    };
    if (filter.tenantId)
        add("tenant_id", *filter.tenantId);
    if (filter.channel)
        add("channel", std::string(channelName(*filter.channel)));
    if (filter.providerMessageId)
        add("provider_message_id", *filter.providerMessageId);
    return where;
}

long long integerAt(pg_result* result, int row, int column)
{
    long long value = 0;
    const char* text = PQgetvalue(result, row, column);
    std::from_chars(text, text + PQgetlength(result, row, column), value);
    return value;
}

Result<ConversationEvent> eventAt(pg_result* result, int row)
{
    ConversationEvent event;
    event.id = PQgetvalue(result, row, 0);
    event.tenantId = PQgetvalue(result, row, 1);
    event.providerMessageId = PQgetvalue(result, row, 2);
    const auto channel = parseChannel(PQgetvalue(result, row, 3));
    if (!channel)
        return failure(ErrorKind::Internal, "stored event with unknown channel");
    event.channel = *channel;
    event.content = PQgetvalue(result, row, 4);
    event.rawMetadata = nlohmann::json::parse(PQgetvalue(result, row, 5), nullptr, false);
    if (event.rawMetadata.is_discarded())
        return failure(ErrorKind::Internal, "stored event with unreadable raw_metadata");
    event.createdAt = std::chrono::system_clock::time_point(std::chrono::microseconds(integerAt(result, row, 6)));
    return event;
}

} // namespace

PostgresEventRepository::PostgresEventRepository(std::string databaseUrl, std::chrono::milliseconds timeout)
    : m_connection(std::move(databaseUrl), timeout)
{
}

Result<std::size_t> PostgresEventRepository::storeBatch(const std::vector<ConversationEvent>& events)
{
    if (events.empty())
        return 0;
    std::vector<PgParam> params;
    params.reserve(events.size() * kColumnsPerRow);
    for (const auto& event : events) {
        params.emplace_back(event.id);
        params.emplace_back(event.tenantId);
        params.emplace_back(event.providerMessageId);
        params.emplace_back(std::string(channelName(event.channel)));
        params.emplace_back(event.content);
        params.emplace_back(event.rawMetadata.dump());
        params.emplace_back(formatUtc(event.createdAt));
    }
    auto result = m_connection.exec(insertStatement(events.size()), params);
    if (!result)
        return std::unexpected(result.error());
    std::size_t inserted = 0;
    const std::string_view tuples = PQcmdTuples(result->get());
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), inserted);
    return inserted;
}

Result<EventPage> PostgresEventRepository::list(const EventPageRequest& request)
{
    if (request.limit < 1 || request.limit > kMaxEventPageSize)
        return failure(ErrorKind::Rejected, "limit must be 1.." + std::to_string(kMaxEventPageSize));
    std::vector<PgParam> params;
    std::string sql = kSelectColumns + whereClause(request.filter, params);
    if (request.before) {
        const auto cursor = decodeEventCursor(*request.before);
        if (!cursor)
            return failure(ErrorKind::Rejected, "malformed cursor");
        params.emplace_back(std::to_string(cursor->createdAtMicros));
        params.emplace_back(cursor->id);
        const auto n = params.size();
        sql += " AND (created_at, id) < (timestamptz 'epoch' + $" + std::to_string(n - 1)
            + "::bigint * interval '1 microsecond', $" + std::to_string(n) + "::uuid)";
    }
    // One row more than asked tells whether another page follows.
    sql += " ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(request.limit + 1);
    auto result = m_connection.exec(sql, params);
    if (!result)
        return std::unexpected(result.error());
    EventPage page;
    const int rows = PQntuples(result->get());
    for (int row = 0; row < std::min(rows, request.limit); ++row) {
        auto event = eventAt(result->get(), row);
        if (!event)
            return std::unexpected(event.error());
        page.items.push_back(std::move(*event));
    }
    if (rows > request.limit) {
        const int last = request.limit - 1;
        page.next = encodeEventCursor({integerAt(result->get(), last, 6), PQgetvalue(result->get(), last, 0)});
    }
    return page;
}

Result<long long> PostgresEventRepository::count(const EventFilter& filter)
{
    std::vector<PgParam> params;
    const std::string sql = "SELECT count(*) FROM conversation_events" + whereClause(filter, params);
    auto result = m_connection.exec(sql, params);
    if (!result)
        return std::unexpected(result.error());
    return integerAt(result->get(), 0, 0);
}

} // namespace mccig
