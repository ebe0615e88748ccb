#pragma once

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <optional>

namespace mccig::test {

// Runs the io_context until `done()` or `limit` passes. An io_context with no
// work left stops, and would then ignore what another thread posts to it (as
// the embedded admission gate does): so it is restarted whenever it stopped.
template <typename Predicate>
bool runUntil(boost::asio::io_context& io, Predicate done, std::chrono::milliseconds limit = std::chrono::seconds(10))
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        if (io.stopped())
            io.restart();
        io.run_one_for(std::chrono::milliseconds(10));
    }
    return done();
}

// Runs the io_context until `value` is set (by a callback) or `limit` passes.
template <typename T>
bool runUntilSet(boost::asio::io_context& io, const std::optional<T>& value,
                 std::chrono::milliseconds limit = std::chrono::seconds(10))
{
    return runUntil(io, [&] { return value.has_value(); }, limit);
}

// Lets the io_context work for a while (reconnect timers, late replies).
inline void runFor(boost::asio::io_context& io, std::chrono::milliseconds duration)
{
    io.restart();
    io.run_for(duration);
}

} // namespace mccig::test
