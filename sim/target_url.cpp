#include "target_url.h"

#include <charconv>

namespace mccig::sim {

std::string TargetUrl::authority() const
{
    return host + ':' + std::to_string(port);
}

std::string TargetUrl::text() const
{
    return (https ? "https://" : "http://") + authority();
}

Result<TargetUrl> parseTargetUrl(std::string_view text)
{
    TargetUrl url;
    if (text.starts_with("https://")) {
        url.https = true;
        url.port = 443;
        text.remove_prefix(8);
    } else if (text.starts_with("http://")) {
        text.remove_prefix(7);
    } else {
        return failure(ErrorKind::Rejected,
                       "target must start with http:// or https:// (got \"" + std::string(text) + "\")");
    }
    if (text.ends_with('/'))
        text.remove_suffix(1);
    if (text.find('/') != std::string_view::npos)
        return failure(ErrorKind::Rejected, "target must not have a path");
    const auto colon = text.rfind(':');
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
