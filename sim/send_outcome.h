#pragma once

#include "mccig/domain/channel.h"

#include <cstdint>
#include <string>

namespace mccig::sim {

// What happened to one ingest request. `status` 0 means no HTTP answer
// (connection refused, reset or timed out; `error` says which).
struct SendOutcome {
    std::string tenant;
    Channel channel = Channel::Sms;
    std::string providerMessageId;
    int status = 0;
    std::string eventId;           // from 202 and 200 answers
    std::int64_t latencyUs = 0;
    int retryAfterSeconds = -1;    // the Retry-After header of a 429, -1 when absent
    std::int64_t retryAfterMs = -1; // the body's retryAfterMs of a 429, -1 when absent
    std::string error;             // transport error, or the body's "error" code

    // Accepted into the gateway (202, or a 200 for a message whose first copy
    // this run sent): it must reach the database or the dead-letter queue.
    bool admitted() const { return status == 202 || status == 200; }
};

} // namespace mccig::sim
