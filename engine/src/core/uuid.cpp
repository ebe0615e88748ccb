#include "mccig/core/uuid.h"

#include "mccig/core/hex_digit.h"

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

constexpr bool isDashPosition(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

} // namespace

std::string newUuidV7(std::chrono::system_clock::time_point at)
{
    const auto millis = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count());
    const std::uint64_t randomA = threadGenerator()();
    const std::uint64_t randomB = threadGenerator()();

    UuidBytes bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<std::uint8_t>(millis >> (40 - 8 * i));
    for (int i = 6; i < 16; ++i)
        bytes[i] = static_cast<std::uint8_t>((i < 11 ? randomA : randomB) >> (8 * (i % 8)));
    bytes[6] = static_cast<std::uint8_t>(0x70 | (bytes[6] & 0x0F)); // version 7
    bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
    return uuidText(bytes);
}

std::string newUuidV7() { return newUuidV7(std::chrono::system_clock::now()); }

bool isUuid(std::string_view text) { return uuidBytes(text).has_value(); }

std::string uuidText(const UuidBytes& bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    // Where each byte's two digits go: written in place, as this runs for
    // every request and event on the ingest path.
    static constexpr std::array<std::uint8_t, 16> kOffsets{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    std::string text(36, '-');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        text[kOffsets[i]] = kHex[bytes[i] >> 4];
        text[kOffsets[i] + 1] = kHex[bytes[i] & 0x0F];
    }
    return text;
}

std::optional<UuidBytes> uuidBytes(std::string_view text)
{
    if (text.size() != 36)
        return std::nullopt;
    UuidBytes bytes{};
    std::size_t at = 0;
    for (std::uint8_t& byte : bytes) {
        if (isDashPosition(at) && text[at++] != '-')
            return std::nullopt;
        const int high = hexDigitValue(text[at]);
        const int low = hexDigitValue(text[at + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        byte = static_cast<std::uint8_t>(high * 16 + low);
        at += 2;
    }
    return bytes;
}

} // namespace mccig
