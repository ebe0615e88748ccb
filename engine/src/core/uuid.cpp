#include "mccig/core/uuid.h"

#include <array>
#include <cstdint>
#include <random>

namespace mccig {
namespace {

std::mt19937_64& threadGenerator()
{
    thread_local std::mt19937_64 generator{[] {
        std::random_device device;
        return (std::uint64_t{device()} << 32) ^ device();
    }()};
    return generator;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

std::string newUuidV7(std::chrono::system_clock::time_point at)
{
    const auto millis = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count());
    const std::uint64_t randomA = threadGenerator()();
    const std::uint64_t randomB = threadGenerator()();

    std::array<std::uint8_t, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<std::uint8_t>(millis >> (40 - 8 * i));
    for (int i = 6; i < 16; ++i)
        bytes[i] = static_cast<std::uint8_t>((i < 11 ? randomA : randomB) >> (8 * (i % 8)));
    bytes[6] = static_cast<std::uint8_t>(0x70 | (bytes[6] & 0x0F)); // version 7
    bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant

    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        text.push_back(kHex[bytes[i] >> 4]);
        text.push_back(kHex[bytes[i] & 0x0F]);
    }
    return text;
}

std::string newUuidV7() { return newUuidV7(std::chrono::system_clock::now()); }

bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dashPosition = i == 8 || i == 13 || i == 18 || i == 23;
        if (dashPosition ? text[i] != '-' : !isHexDigit(text[i]))
            return false;
    }
    return true;
}

} // namespace mccig
