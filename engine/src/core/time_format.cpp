#include "mccig/core/time_format.h"

#include <charconv>

namespace mccig {
namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `pos`; nothing if any is not a digit.
std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t width)
{
    if (pos + width > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Writes `value` as exactly `width` digits, zero-padded, and returns the end.
char* writeDigits(char* out, long value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

struct Offset {
    minutes value{0};
    bool valid = false;
};

Offset parseOffset(std::string_view zone)
{
    if (zone == "Z" || zone == "z")
        return {minutes{0}, true};
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return {};
    const auto hours = digitsAt(zone, 1, 2);
    const auto mins = digitsAt(zone, 4, 2);
    if (!hours || !mins || *hours > 23 || *mins > 59)
        return {};
    const minutes magnitude{*hours * 60 + *mins};
    return {zone[0] == '-' ? -magnitude : magnitude, true};
}

} // namespace

std::string formatUtc(system_clock::time_point at)
{
    const auto micros = time_point_cast<microseconds>(at);
    const auto day = floor<days>(micros);
    const year_month_day date{day};
    const hh_mm_ss time{micros - day};
    // YYYY-MM-DDTHH:MM:SS.ffffffZ, written by hand: this runs for every accepted event.
    std::string text(27, '\0');
    char* out = writeDigits(text.data(), static_cast<int>(date.year()), 4);
    *out++ = '-';
    out = writeDigits(out, static_cast<unsigned>(date.month()), 2);
    *out++ = '-';
    out = writeDigits(out, static_cast<unsigned>(date.day()), 2);
    *out++ = 'T';
    out = writeDigits(out, time.hours().count(), 2);
    *out++ = ':';
    out = writeDigits(out, time.minutes().count(), 2);
    *out++ = ':';
    out = writeDigits(out, time.seconds().count(), 2);
    *out++ = '.';
    out = writeDigits(out, time.subseconds().count(), 6);
    *out = 'Z';
    return text;
}

std::optional<system_clock::time_point> parseRfc3339(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    if (text[10] != 'T' && text[10] != 't')
        return std::nullopt;
    const auto y = digitsAt(text, 0, 4), mo = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
    const auto h = digitsAt(text, 11, 2), mi = digitsAt(text, 14, 2), s = digitsAt(text, 17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 60)
        return std::nullopt;
    // The years a system_clock time point (64-bit nanoseconds) can hold:
    // beyond them the conversion below would overflow.
    if (*y < 1678 || *y > 2261)
        return std::nullopt;
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok())
        return std::nullopt;

    std::size_t pos = 19;
    microseconds fraction{0};
    if (pos < text.size() && text[pos] == '.') {
        const std::size_t start = ++pos;
        long scaled = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (pos - start < 6)
                scaled = scaled * 10 + (text[pos] - '0');
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
        for (std::size_t digits = pos - start; digits < 6; ++digits)
            scaled *= 10;
        fraction = microseconds{scaled};
    }
    const Offset offset = parseOffset(text.substr(pos));
    if (!offset.valid)
        return std::nullopt;
    // A leap second (:60) is folded into the next second, as most systems store it.
    const auto local = sys_days{date} + hours{*h} + minutes{*mi} + seconds{*s} + fraction;
    return time_point_cast<system_clock::duration>(local - offset.value);
}

} // namespace mccig
