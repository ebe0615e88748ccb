#pragma once

#include "mccig/ports/backend.h"

#include <map>
#include <memory>
#include <utility>

namespace mccig::server {

// The calling thread's own instance of a port of `backend`, made with `make`
// on first use and kept for the thread's life (ports are one thread each, and
// keeping them keeps their connections). For BlockingPool threads: the ports
// block. An instance whose backend is gone is replaced, so several backends
// may come and go in one process (tests do).
template <typename Port>
Port& threadInstance(const std::shared_ptr<Backend>& backend, std::unique_ptr<Port> (Backend::*make)())
{
    struct Slot {
        std::weak_ptr<Backend> owner;
        std::unique_ptr<Port> instance;
    };
    thread_local std::map<const Backend*, Slot> slots;
    auto& slot = slots[backend.get()];
    if (!slot.instance || slot.owner.expired()) {
        slot.instance = ((*backend).*make)();
        slot.owner = backend;
    }
    return *slot.instance;
}

} // namespace mccig::server
