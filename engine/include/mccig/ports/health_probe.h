#pragma once

#include "mccig/core/result.h"

#include <string>
#include <vector>

namespace mccig {

// One part of a backend and what its last probe found.
struct ComponentHealth {
    std::string name;         // as /readyz and mccig_backend_up{backend} name it: "redis", "database", "embedded"
    bool neededToAdmit = false; // an API process cannot take messages without it
    bool neededToStore = false; // a worker cannot store without it
    Result<void> outcome;
};

// Port: probes every part of the backend (a round trip each, bounded by the
// backend timeout). Keeps its connections between calls. Blocks; one thread
// per instance.
class HealthProbe {
public:
    virtual ~HealthProbe() = default;

    virtual std::vector<ComponentHealth> check() = 0;
};

} // namespace mccig
