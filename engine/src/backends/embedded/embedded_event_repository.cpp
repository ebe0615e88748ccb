#include "embedded_event_repository.h"

#include "event_rows.h"
#include "ports/filter_columns.h"
#include "ports/page_cursor.h"
#include "ports/queued_event_reader.h"

#include "mccig/core/time_format.h"

#include <string>
#include <vector>

namespace mccig::embedded {
namespace {

// The WHERE clause for a filter; its values are bound from ?1 upwards in `values`.
std::string whereClause(const EventFilter& filter, std::vector<std::string>& values)
{
    std::string where = " WHERE 1";
    for (auto& [column, value] : filterColumns(filter)) {
        values.push_back(std::move(value));
        where += std::string(" AND ") + column + " = ?" + std::to_string(values.size());
    }
    return where;
}

Result<ConversationEvent> eventFrom(const SqliteStatement& row)
{
    const auto channel = parseChannel(row.text(3));
    const auto createdAt = parseRfc3339(row.text(6));
    auto metadata = nlohmann::json::parse(row.text(5), nullptr, false);
    if (!channel || !createdAt || metadata.is_discarded())
        return failure(ErrorKind::Internal, "a stored event row is malformed (id " + std::string(row.text(0)) + ")");
    return ConversationEvent{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)), *channel,
                             std::string(row.text(4)), std::move(metadata), *createdAt};
}

long long epochMicros(std::chrono::system_clock::time_point at)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
}

} // namespace

EmbeddedEventRepository::EmbeddedEventRepository(SqliteConnection connection)
    : m_connection(std::move(connection))
    , m_reader(std::make_unique<QueuedEventReader>())
{
}

EmbeddedEventRepository::~EmbeddedEventRepository() = default;

Result<std::size_t> EmbeddedEventRepository::storeBatch(const std::vector<ConversationEvent>& events)
{
    return m_connection.transaction<std::size_t>([&] { return insertEvents(m_connection, events); });
}

Result<QueuedStoreOutcome> EmbeddedEventRepository::storeQueued(std::span<const QueuedMessage> messages)
{
    return m_connection.transaction<QueuedStoreOutcome>(
        [&] { return insertQueuedEvents(m_connection, *m_reader, messages); });
}

Result<void> EmbeddedEventRepository::ensureReady()
{
    auto probe = m_connection.prepare("SELECT id FROM conversation_events LIMIT 0");
    if (!probe)
        return std::unexpected(probe.error());
    return {};
}

Result<EventPage> EmbeddedEventRepository::list(const EventPageRequest& request)
{
    std::vector<std::string> values;
    std::string sql = std::string("SELECT ") + kEventColumns + " FROM conversation_events" + whereClause(request.filter, values);
    if (request.before) {
        const auto cursor = decodePageCursor(*request.before);
        if (!cursor)
            return failure(ErrorKind::Rejected, "malformed cursor");
        values.push_back(formatUtc(std::chrono::system_clock::time_point(std::chrono::microseconds(cursor->position))));
        values.push_back(cursor->id);
        sql += " AND (created_at, id) < (?" + std::to_string(values.size() - 1) + ", ?" + std::to_string(values.size())
               + ")";
    }
    sql += " ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(request.limit + 1);
    auto query = m_connection.prepare(sql);
    if (!query)
        return std::unexpected(query.error());
    for (std::size_t i = 0; i < values.size(); ++i)
        query->bind(static_cast<int>(i + 1), values[i]);
    EventPage page;
    auto read = query->forEachRow([&](const SqliteStatement& row) -> Result<void> {
        auto event = eventFrom(row);
        if (!event)
            return std::unexpected(event.error());
        page.items.push_back(std::move(*event));
        return {};
    });
    if (!read)
        return std::unexpected(read.error());
    if (page.items.size() > static_cast<std::size_t>(request.limit)) {
        page.items.pop_back();
        const auto& last = page.items.back();
        page.next = encodePageCursor(PageCursor{epochMicros(last.createdAt), last.id});
    }
    return page;
}

Result<long long> EmbeddedEventRepository::count(const EventFilter& filter)
{
    std::vector<std::string> values;
    auto query = m_connection.prepare("SELECT count(*) FROM conversation_events" + whereClause(filter, values));
    if (!query)
        return std::unexpected(query.error());
    for (std::size_t i = 0; i < values.size(); ++i)
        query->bind(static_cast<int>(i + 1), values[i]);
    auto row = query->step();
    if (!row)
        return std::unexpected(row.error());
    const long long total = query->integer(0);
    query->reset();
    return total;
}

} // namespace mccig::embedded
