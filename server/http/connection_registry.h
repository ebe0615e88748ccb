#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace mccig::server {

// A connection that can be asked to wind down: finish the request in hand,
// then close (an idle one closes at once). Called from any thread.
class DrainableConnection {
public:
    virtual ~DrainableConnection() = default;
    virtual void closeWhenIdle() = 0;
};

// The live connections of a listener, so shutdown can drain them and wait for
// the last one. Connections add themselves when they start and remove
// themselves when destroyed, on whatever thread that happens.
// It also counts them against a limit: a slot is reserved when a connection
// is accepted, before it starts, and freed when it is removed.
// Thread-safe; the mutex is taken only on connect, disconnect and drain.
class ConnectionRegistry {
public:
    // Reserves a slot for a new connection; false when `limit` are open.
    bool tryReserve(std::size_t limit);
    void add(const std::shared_ptr<DrainableConnection>& connection);
    // Removes the connection and frees its slot.
    void remove(const DrainableConnection* connection);

    // Asks every live connection to close when idle; new ones are told at once.
    void drainAll();
    bool draining() const;
    std::size_t size() const;

private:
    mutable std::mutex m_mutex; // guards the three members
    std::unordered_map<const DrainableConnection*, std::weak_ptr<DrainableConnection>> m_connections;
    bool m_draining = false;
    std::size_t m_reserved = 0;
};

} // namespace mccig::server
