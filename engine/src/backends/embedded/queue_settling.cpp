#include "queue_settling.h"

namespace mccig::embedded {

Result<std::size_t> acknowledgeEntries(SqliteConnection& connection, std::string_view consumer,
                                       std::span<const std::string> entryIds, std::int64_t nowMs)
{
    if (entryIds.empty())
        return 0;
    auto remove = connection.prepare("DELETE FROM queue WHERE seq = ?1 AND owner = ?2");
    if (!remove)
        return std::unexpected(remove.error());
    std::int64_t settled = 0;
    for (const auto& id : entryIds) {
        if (auto removed = remove->bind(1, static_cast<std::int64_t>(std::stoll(id))).bind(2, consumer).run();
            !removed)
            return std::unexpected(removed.error());
        settled += connection.changes();
    }
    if (auto counted = countSettled(connection, "persisted", settled, nowMs); !counted)
        return std::unexpected(counted.error());
    return static_cast<std::size_t>(settled);
}

Result<void> countSettled(SqliteConnection& connection, std::string_view metric, std::int64_t settled,
                          std::int64_t nowMs)
{
    if (settled == 0)
        return {};
    auto bump = connection.prepare(
        "INSERT INTO stats (second, tenant_id, metric, total) VALUES (?1, '', ?2, ?3) "
        "ON CONFLICT (second, tenant_id, metric) DO UPDATE SET total = total + excluded.total");
    if (!bump)
        return std::unexpected(bump.error());
    return bump->bind(1, nowMs / 1000).bind(2, metric).bind(3, settled).run();
}

} // namespace mccig::embedded
