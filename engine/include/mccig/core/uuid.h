#pragma once

#include <chrono>
#include <string>

namespace mccig {

// A new RFC 9562 version 7 UUID (Unix-millisecond time prefix, random tail),
// in canonical lowercase 8-4-4-4-12 form. Time-ordered ids keep the primary
// key index append-mostly. Thread-safe: each thread has its own generator.
std::string newUuidV7();
std::string newUuidV7(std::chrono::system_clock::time_point at);

// True for any canonical-form UUID (any version), lowercase or uppercase.
bool isUuid(std::string_view text);

} // namespace mccig
