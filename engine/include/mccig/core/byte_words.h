#pragma once

#include <cstdint>
#include <cstring>

namespace mccig {

// Looking over bytes eight at a time in one 64-bit word, as the hot text and
// digest loops do: the word at any address, and masks with one bit per byte.
inline constexpr std::uint64_t kEachByteLowBit = 0x0101010101010101ULL;
inline constexpr std::uint64_t kEachByteTopBit = 0x8080808080808080ULL;

// The eight bytes at `bytes` as one word (no alignment needed).
inline std::uint64_t wordAt(const void* bytes)
{
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    return word;
}

} // namespace mccig
