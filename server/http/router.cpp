#include "router.h"

#include "mccig/core/hex_digit.h"

#include <utility>

namespace mccig::server {
namespace {

std::vector<std::string> splitPath(std::string_view path)
{
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        if (slash > start)
            segments.emplace_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return segments;
}

bool isCapture(const std::string& segment)
{
    return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Percent-decoding; in a query string "+" also means a space. A malformed
// escape is kept literally rather than rejected.
std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plusIsSpace) {
            decoded.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() && hexDigitValue(text[i + 1]) >= 0 && hexDigitValue(text[i + 2]) >= 0) {
            decoded.push_back(static_cast<char>(hexDigitValue(text[i + 1]) * 16 + hexDigitValue(text[i + 2])));
            i += 2;
        } else {
            decoded.push_back(c);
        }
    }
    return decoded;
}

std::map<std::string, std::string> parseQuery(std::string_view query)
{
    std::map<std::string, std::string> values;
    std::size_t start = 0;
    while (start < query.size()) {
        auto amp = query.find('&', start);
        if (amp == std::string_view::npos)
            amp = query.size();
        const auto pair = query.substr(start, amp - start);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            std::string name = percentDecode(pair.substr(0, eq), true);
            std::string value = eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
            // The first occurrence wins, like HttpRequest::header.
            values.emplace(std::move(name), std::move(value));
        }
        start = amp + 1;
    }
    return values;
}

} // namespace

void Router::add(std::string method, std::string pattern, RouteHandler handler, HeadCheck headCheck)
{
    m_routes.push_back(Route{std::move(method), splitPath(pattern), std::move(handler), std::move(headCheck), {}});
}

void Router::addWithDeferredCheck(std::string method, std::string pattern, RouteHandler handler,
                                  DeferredHeadCheck headCheck)
{
    m_routes.push_back(Route{std::move(method), splitPath(pattern), std::move(handler), {}, std::move(headCheck)});
}

std::variant<Router::Match, HttpResponse> Router::resolve(const HttpRequest& head) const
{
    const auto segments = splitPath(head.path());
    // HEAD is served wherever GET is (RFC 9110 §9.3.2); the connection leaves the body out.
    const std::string_view method = head.method == "HEAD" ? std::string_view("GET") : std::string_view(head.method);
    std::string allowed; // the path's methods, for a 405's Allow header (RFC 9110 15.5.6)
    for (const auto& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        std::vector<std::string> captures;
        bool matches = true;
        for (std::size_t i = 0; i < segments.size() && matches; ++i) {
            if (isCapture(route.segments[i]))
                captures.push_back(percentDecode(segments[i], false));
            else
                matches = route.segments[i] == segments[i];
        }
        if (!matches)
            continue;
        if (route.method != method) {
            if (!allowed.contains(route.method)) // each method once, however many patterns match
                allowed.append(allowed.empty() ? "" : ", ").append(route.method);
            if (route.method == "GET" && !allowed.contains("HEAD"))
                allowed.append(", HEAD");
            continue;
        }
        Match match{&route.handler, route.headCheck ? &route.headCheck : nullptr,
                    route.deferredHeadCheck ? &route.deferredHeadCheck : nullptr, {}};
        match.params.captures = std::move(captures);
        match.params.query = parseQuery(head.query());
        return match;
    }
    if (allowed.empty())
        return errorResponse(404, "not_found");
    HttpResponse refused = errorResponse(405, "method_not_allowed");
    refused.setHeader("Allow", std::move(allowed));
    return refused;
}

} // namespace mccig::server
