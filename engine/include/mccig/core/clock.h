#pragma once

#include <chrono>

namespace mccig {

// Port: where "now" comes from, so tests and the embedded backend can control time.
// Implementations must be safe to call from any thread.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

} // namespace mccig
