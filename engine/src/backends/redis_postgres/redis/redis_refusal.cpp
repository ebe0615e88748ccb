#include "redis_refusal.h"

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
    ErrorCode code = ErrorCode::Unspecified;
    for (const auto& [prefix, prefixCode] : kPrefixes) {
        if (replyText.starts_with(prefix))
            code = prefixCode;
    }
    return Error{ErrorKind::Rejected, std::move(replyText), code};
}

} // namespace mccig
