#pragma once

#include "http_client.h"
#include "paced_scheduler.h"

#include <cstddef>
#include <functional>

namespace mccig::sim {

// Runs `senders` threads, each with its own keep-alive HttpClient, that take
// slots from `scheduler` and call `send(slot, senderIndex, client)` for each,
// until the scheduler runs dry. Returns when every thread has finished.
void runPacedSenders(const TargetUrl& target, int senders, PacedScheduler& scheduler,
                     const std::function<void(std::size_t slot, int sender, HttpClient& client)>& send);

} // namespace mccig::sim
