#include "http/request_trace.h"

#include "log/json_log.h"
#include "log/log_rate_limiter.h"
#include "mccig/core/uuid.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace mccig::server {
namespace {

constexpr std::size_t kMaxRequestIdLength = 128;

bool isRequestIdCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
           || c == ':' || c == '/' || c == '+' || c == '=' || c == '@' || c == '-';
}

// 5xx lines without the access log: one process-wide budget, so an outage
// that fails every request cannot flood the log (the backend's own down/up
// lines say why).
std::optional<std::size_t> admitFailureLine()
{
    static std::mutex mutex; // guards limiter
    static LogRateLimiter limiter(5, std::chrono::seconds(1));
    std::lock_guard lock(mutex);
    return limiter.admit();
}

} // namespace

std::string requestIdFor(std::string_view offered)
{
    if (!offered.empty() && offered.size() <= kMaxRequestIdLength
        && std::all_of(offered.begin(), offered.end(), isRequestIdCharacter))
        return std::string(offered);
    return newUuidV7();
}

RequestTrace beginTrace(HttpRequest& head)
{
    head.requestId = requestIdFor(head.header("x-request-id"));
    return RequestTrace{head.requestId, head.method, head.target, std::chrono::steady_clock::now()};
}

void finishTrace(RequestTrace& trace, HttpResponse& response, bool accessLog)
{
    if (trace.id.empty()) { // the request did not parse
        trace.id = newUuidV7();
        trace.start = std::chrono::steady_clock::now();
    }
    response.setHeader("X-Request-Id", trace.id);
    const bool failed = response.status >= 500;
    std::size_t suppressed = 0;
    if (!accessLog) {
        if (!failed)
            return;
        const auto admitted = admitFailureLine();
        if (!admitted)
            return;
        suppressed = *admitted;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - trace.start).count();
    nlohmann::json fields{{"requestId", trace.id},         {"method", trace.method},
                          {"target", trace.target},        {"status", response.status},
                          {"bytes", response.body.size()}, {"ms", std::round(ms * 100) / 100}};
    if (suppressed > 0)
        fields["suppressed"] = suppressed;
    writeLog(failed ? LogLevel::Warning : LogLevel::Info, accessLog ? "access" : "request failed", fields);
}

} // namespace mccig::server
