#include "mccig/postgres/postgres_event_repository.h"

#include "copy_text.h"
#include "ports/filter_columns.h"
#include "ports/page_cursor.h"
#include "mccig/core/json_string.h"
#include "mccig/core/time_format.h"
#include "pg_transaction.h"

#include <libpq-fe.h>

#include <charconv>

namespace mccig {
namespace {

constexpr const char* kSelectColumns =
    "SELECT id::text, tenant_id, provider_message_id, channel, content, raw_metadata::text, "
    "(extract(epoch FROM created_at) * 1000000)::bigint FROM conversation_events";

// A redelivered batch goes through a temporary table, so the rows already
// stored are skipped: the same COPY text, then one INSERT ... ON CONFLICT.
constexpr const char* kCreateIncoming =
    "CREATE TEMP TABLE IF NOT EXISTS conversation_events_incoming (LIKE conversation_events) "
    "ON COMMIT DELETE ROWS";
constexpr const char* kCopyIncoming =
    "COPY conversation_events_incoming (id, tenant_id, provider_message_id, channel, content, raw_metadata, "
    "created_at) FROM STDIN";
constexpr const char* kInsertIncoming =
    "INSERT INTO conversation_events SELECT * FROM conversation_events_incoming ON CONFLICT DO NOTHING";

// Straight into the table: the fast path while no row is a duplicate.
constexpr const char* kCopyBatch =
    "COPY conversation_events (id, tenant_id, provider_message_id, channel, content, raw_metadata, created_at) "
    "FROM STDIN";

std::string copyRows(const std::vector<ConversationEvent>& events)
{
    std::string data;
    data.reserve(events.size() * 256);
    for (const auto& event : events) {
        appendCopyField(data, event.id, '\t');
        appendCopyField(data, event.tenantId, '\t');
        appendCopyField(data, event.providerMessageId, '\t');
        appendCopyField(data, channelName(event.channel), '\t');
        appendCopyField(data, event.content, '\t');
        appendCopyField(data, jsonText(event.rawMetadata), '\t');
        appendCopyField(data, formatUtc(event.createdAt), '\n');
    }
    return data;
}

// Appends "AND column = $n" for each set field of the filter.
std::string whereClause(const EventFilter& filter, std::vector<PgParam>& params)
{
    std::string where = " WHERE true";
    for (auto& [column, value] : filterColumns(filter)) {
        params.emplace_back(std::move(value));
        where += std::string(" AND ") + column + " = $" + std::to_string(params.size());
    }
    return where;
}

std::size_t rowsAffected(pg_result* result)
{
    std::size_t rows = 0;
    const std::string_view tuples = PQcmdTuples(result);
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), rows);
    return rows;
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
    return storeRows(copyRows(events));
}

Result<QueuedStoreOutcome> PostgresEventRepository::storeQueued(std::span<const QueuedMessage> messages)
{
    QueuedStoreOutcome outcome;
    m_rows.clear();
    for (std::size_t i = 0; i < messages.size(); ++i) {
        // A failed append adds nothing: the message is unreadable.
        if (!m_rowWriter.append(messages[i].eventText, m_rows))
            outcome.unreadable.push_back(i);
    }
    auto stored = storeRows(m_rows);
    if (!stored)
        return std::unexpected(stored.error());
    outcome.stored = *stored;
    return outcome;
}

Result<void> PostgresEventRepository::ensureReady() { return m_connection.connect(); }

Result<std::size_t> PostgresEventRepository::storeRows(std::string_view rows)
{
    if (rows.empty())
        return 0;
    // COPY is about twice as fast as INSERT ... ON CONFLICT, but all or
    // nothing: when a row is stored already (a redelivery) the whole COPY
    // fails with a unique violation and the batch goes the skipping way.
    auto copied = m_connection.copyIn(kCopyBatch, rows);
    if (copied)
        return rowsAffected(copied->get());
    if (copied.error().code != ErrorCode::UniqueViolation)
        return std::unexpected(copied.error());
    return insertSkippingStored(rows);
}

Result<std::size_t> PostgresEventRepository::insertSkippingStored(std::string_view rows)
{
    return inTransaction(m_connection, [&]() -> Result<std::size_t> {
        if (auto created = m_connection.exec(kCreateIncoming); !created)
            return std::unexpected(created.error());
        if (auto copied = m_connection.copyIn(kCopyIncoming, rows); !copied)
            return std::unexpected(copied.error());
        auto result = m_connection.exec(kInsertIncoming);
        if (!result)
            return std::unexpected(result.error());
        return rowsAffected(result->get());
    });
}

Result<EventPage> PostgresEventRepository::list(const EventPageRequest& request)
{
    if (request.limit < 1 || request.limit > kMaxEventPageSize)
        return failure(ErrorKind::Rejected, "limit must be 1.." + std::to_string(kMaxEventPageSize));
    std::vector<PgParam> params;
    std::string sql = kSelectColumns + whereClause(request.filter, params);
    if (request.before) {
        const auto cursor = decodePageCursor(*request.before);
        if (!cursor)
            return failure(ErrorKind::Rejected, "malformed cursor");
        params.emplace_back(std::to_string(cursor->position));
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
        page.next = encodePageCursor({integerAt(result->get(), last, 6), PQgetvalue(result->get(), last, 0)});
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
