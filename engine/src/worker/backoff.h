#pragma once

#include <algorithm>
#include <chrono>

namespace mccig {

// The wait between tries at an unreachable backend: 100 ms, doubling up to
// 2 s, back to 100 ms after a success. Owned by one thread.
class Backoff {
public:
    static constexpr std::chrono::milliseconds kFirst{100};
    static constexpr std::chrono::milliseconds kMax{2000};

    std::chrono::milliseconds current() const { return m_current; }
    void grow() { m_current = std::min(m_current * 2, kMax); }
    void reset() { m_current = kFirst; }

private:
    std::chrono::milliseconds m_current = kFirst;
};

} // namespace mccig
