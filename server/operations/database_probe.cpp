#include "operations/database_probe.h"

#include <utility>

namespace mccig::server {

DatabaseProbe::DatabaseProbe(std::string databaseUrl, std::chrono::milliseconds timeout)
    : m_connection(std::move(databaseUrl), timeout)
{
}

Result<void> DatabaseProbe::check()
{
    auto result = m_connection.exec("SELECT 1");
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace mccig::server
