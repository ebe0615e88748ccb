#pragma once

#include "mccig/ports/event_queue.h"
#include "mccig/ports/event_repository.h"

#include <memory>
#include <string>

namespace mccig {

// Port: the storage a process runs on. It hands out instances of the other
// ports, each for one thread (every worker thread, every admin pool thread
// asks for its own), all on the same data. Redis + PostgreSQL is one
// implementation (docs/decisions/0007-one-backend-seam.md). Thread-safe:
// any thread may ask for instances; an instance may outlive nothing but the
// Backend that made it.
class Backend {
public:
    virtual ~Backend() = default;

    // A queue consumer named `consumerName` (unique per worker, across machines).
    virtual std::unique_ptr<EventQueue> eventQueue(const std::string& consumerName) = 0;
    virtual std::unique_ptr<EventRepository> eventRepository() = 0;
};

} // namespace mccig
