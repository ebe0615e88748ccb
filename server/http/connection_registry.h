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
// Thread-safe; the mutex is taken only on connect, disconnect and drain.
class ConnectionRegistry {
public:
    void add(const std::shared_ptr<DrainableConnection>& connection);
    void remove(const DrainableConnection* connection);

    // Asks every live connection to close when idle; new ones are told at once.
    void drainAll();
    bool draining() const;
    std::size_t size() const;

private:
    mutable std::mutex m_mutex; // guards both members
    std::unordered_map<const DrainableConnection*, std::weak_ptr<DrainableConnection>> m_connections;
    bool m_draining = false;
};

} // namespace mccig::server
