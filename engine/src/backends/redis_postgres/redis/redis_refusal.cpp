#include "redis_refusal.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace mccig {

Error redisRefusal(std::string replyText)
{
    static constexpr std::array<std::pair<std::string_view, ErrorCode>, 3> kPrefixes{{
        {"NOGROUP", ErrorCode::NoSuchGroup},
        {"BUSYGROUP", ErrorCode::GroupExists},
        {"NOSCRIPT", ErrorCode::NoScript},
    }};
    // Redis cannot write now, whatever the command: out of memory under
    // noeviction, a replica, loading its data, a script busy, a failed
    // snapshot that stops writes. An outage (callers answer 503 and retry),
    // not a refusal of the data.
    static constexpr std::array<std::string_view, 8> kCannotWriteNow{
        "OOM", "READONLY", "LOADING", "BUSY ", "MASTERDOWN", "MISCONF", "TRYAGAIN", "CLUSTERDOWN"};
    ErrorCode code = ErrorCode::Unspecified;
    for (const auto& [prefix, prefixCode] : kPrefixes) {
        if (replyText.starts_with(prefix))
            code = prefixCode;
    }
    const bool outage = std::any_of(kCannotWriteNow.begin(), kCannotWriteNow.end(),
                                    [&](std::string_view prefix) { return replyText.starts_with(prefix); });
    return Error{outage ? ErrorKind::Unavailable : ErrorKind::Rejected, std::move(replyText), code};
}

} // namespace mccig
