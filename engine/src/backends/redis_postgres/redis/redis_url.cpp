#include "mccig/redis/redis_url.h"

#include "mccig/core/percent_decoding.h"

#include <charconv>
#include <optional>

namespace mccig {
namespace {

std::optional<int> parseNumber(std::string_view text, int min, int max)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

// "user:password", ":password", or the older "password" alone.
Result<void> parseCredentials(std::string_view credentials, RedisEndpoint& endpoint)
{
    std::string_view user;
    std::string_view password = credentials;
    if (const auto colon = credentials.find(':'); colon != std::string_view::npos) {
        user = credentials.substr(0, colon);
        password = credentials.substr(colon + 1);
    }
    auto decodedUser = percentDecoded(user);
    auto decodedPassword = percentDecoded(password);
    if (!decodedUser || !decodedPassword)
        return failure(ErrorKind::Rejected, "Redis URL user and password must be percent-encoded (%XX)");
    if (!decodedUser->empty() && decodedPassword->empty())
        return failure(ErrorKind::Rejected, "Redis URL user needs a password (redis://user:password@host)");
    endpoint.user = std::move(*decodedUser);
    endpoint.password = std::move(*decodedPassword);
    return {};
}

} // namespace

Result<RedisEndpoint> parseRedisUrl(std::string_view url)
{
    constexpr std::string_view kScheme = "redis://";
    if (url.starts_with("rediss://"))
        return failure(ErrorKind::Rejected,
                       "rediss:// (TLS) is not supported: hiredis 0.14 has no TLS; run stunnel or a TLS sidecar "
                       "next to the server and give it redis://127.0.0.1:PORT (docs/operations.md)");
    if (!url.starts_with(kScheme))
        return failure(ErrorKind::Rejected, "Redis URL must start with redis://");
    std::string_view rest = url.substr(kScheme.size());
    RedisEndpoint endpoint;

    // The last '@': an unencoded '@' in a password still parses.
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        if (auto credentials = parseCredentials(rest.substr(0, at), endpoint); !credentials)
            return std::unexpected(credentials.error());
        rest = rest.substr(at + 1);
    }
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
        const std::string_view db = rest.substr(slash + 1);
        if (!db.empty()) {
            const auto number = parseNumber(db, 0, 1023);
            if (!number)
                return failure(ErrorKind::Rejected, "Redis URL database must be a number");
            endpoint.database = *number;
        }
        rest = rest.substr(0, slash);
    }
    if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && rest.find(']', colon) == std::string_view::npos) {
        const auto port = parseNumber(rest.substr(colon + 1), 1, 65535);
        if (!port)
            return failure(ErrorKind::Rejected, "Redis URL port must be 1-65535");
        endpoint.port = *port;
        rest = rest.substr(0, colon);
    }
    if (rest.size() >= 2 && rest.front() == '[' && rest.back() == ']')
        rest = rest.substr(1, rest.size() - 2);
    if (rest.empty())
        return failure(ErrorKind::Rejected, "Redis URL needs a host");
    endpoint.host = std::string(rest);
    return endpoint;
}

} // namespace mccig
