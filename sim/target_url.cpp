#include "target_url.h"

#include <charconv>

namespace mccig::sim {

std::string TargetUrl::authority() const
{
    return host + ':' + std::to_string(port);
}

Result<TargetUrl> parseTargetUrl(std::string_view text)
{
    constexpr std::string_view kScheme = "http://";
    if (!text.starts_with(kScheme))
        return failure(ErrorKind::Rejected, "target must start with http:// (got \"" + std::string(text) + "\")");
    text.remove_prefix(kScheme.size());
    if (text.ends_with('/'))
        text.remove_suffix(1);
    if (text.find('/') != std::string_view::npos)
        return failure(ErrorKind::Rejected, "target must not have a path");
    const auto colon = text.rfind(':');
    TargetUrl url;
    url.host = std::string(text.substr(0, colon));
    if (colon != std::string_view::npos) {
        const std::string_view portText = text.substr(colon + 1);
        unsigned port = 0;
        const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (error != std::errc{} || end != portText.data() + portText.size() || port == 0 || port > 65535)
            return failure(ErrorKind::Rejected, "target port is not a number 1-65535");
        url.port = static_cast<std::uint16_t>(port);
    }
    if (url.host.empty())
        return failure(ErrorKind::Rejected, "target has no host");
    return url;
}

} // namespace mccig::sim
