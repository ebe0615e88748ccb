#include "http/connection_registry.h"

#include <vector>

namespace mccig::server {

bool ConnectionRegistry::tryReserve(std::size_t limit)
{
    std::lock_guard lock(m_mutex);
    if (m_reserved >= limit)
        return false;
    ++m_reserved;
    return true;
}

void ConnectionRegistry::add(const std::shared_ptr<DrainableConnection>& connection)
{
    bool draining = false;
    {
        std::lock_guard lock(m_mutex);
        m_connections.emplace(connection.get(), connection);
        draining = m_draining;
    }
    if (draining)
        connection->closeWhenIdle();
}

void ConnectionRegistry::remove(const DrainableConnection* connection)
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(connection);
    --m_reserved;
}

void ConnectionRegistry::drainAll()
{
    std::vector<std::shared_ptr<DrainableConnection>> live;
    {
        std::lock_guard lock(m_mutex);
        m_draining = true;
        for (const auto& [key, weak] : m_connections) {
            if (auto connection = weak.lock())
                live.push_back(std::move(connection));
        }
    }
    // Outside the lock: a connection may finish, and remove itself, meanwhile.
    for (const auto& connection : live)
        connection->closeWhenIdle();
}

bool ConnectionRegistry::draining() const
{
    std::lock_guard lock(m_mutex);
    return m_draining;
}

std::size_t ConnectionRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

} // namespace mccig::server
