#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mccig {

// A new RFC 9562 version 7 UUID (Unix-millisecond time prefix, random tail),
// in canonical lowercase 8-4-4-4-12 form. Time-ordered ids keep the primary
// key index append-mostly. Thread-safe: each thread has its own generator.
std::string newUuidV7();
std::string newUuidV7(std::chrono::system_clock::time_point at);

// True for any canonical-form UUID (any version), lowercase or uppercase.
bool isUuid(std::string_view text);

using UuidBytes = std::array<std::uint8_t, 16>;

// A UUID's 16 bytes in canonical lowercase 8-4-4-4-12 form.
std::string uuidText(const UuidBytes& bytes);

// The 16 bytes of a canonical-form UUID; nothing when `text` is not one.
std::optional<UuidBytes> uuidBytes(std::string_view text);

} // namespace mccig
