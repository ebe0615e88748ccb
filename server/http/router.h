#pragma once

#include "http_message.h"

#include <map>
#include <variant>
#include <optional>
#include <string>
#include <vector>

namespace mccig::server {

struct RouteParams {
    std::vector<std::string> captures;        // values of "{name}" segments, in order
    std::map<std::string, std::string> query; // decoded query string
};

// Runs on the header alone, before the body is read: a response here ends the
// request without reading the body (auth and size checks must not wait for,
// or buffer, 64 KiB from a client that will be refused anyway).
using HeadCheck = std::function<std::optional<HttpResponse>(const HttpRequest& head, const RouteParams&)>;
using RouteHandler = std::function<void(HttpRequest&& request, const RouteParams&, Respond respond)>;

// A head check whose refusal may need a backend to finish (the ingest routes
// add the tenant's RateLimit-* headers, read from Redis, to a 413 or 415).
// Returns true to go on and read the body. Returns false when it has taken
// over the request: it then calls `respond` exactly once, possibly later, and
// the body is never read. It may set `head.principal` for the handler.
// Runs on the connection's I/O thread.
using DeferredHeadCheck = std::function<bool(HttpRequest& head, const RouteParams&, Respond respond)>;

// Maps method + path pattern to a handler. Patterns are literal segments and
// "{name}" captures: "/v1/admin/dlq/{id}/replay". Filled at start-up, then
// read-only, so any I/O thread may resolve concurrently without locks.
class Router {
public:
    void add(std::string method, std::string pattern, RouteHandler handler, HeadCheck headCheck = {});
    void addWithDeferredCheck(std::string method, std::string pattern, RouteHandler handler,
                              DeferredHeadCheck headCheck);

    struct Match {
        const RouteHandler* handler = nullptr;
        const HeadCheck* headCheck = nullptr;
        const DeferredHeadCheck* deferredHeadCheck = nullptr;
        RouteParams params;
    };

    // The route for a request, or the 404 / 405 response that answers it.
    std::variant<Match, HttpResponse> resolve(const HttpRequest& head) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        RouteHandler handler;
        HeadCheck headCheck;
        DeferredHeadCheck deferredHeadCheck;
    };
    std::vector<Route> m_routes;
};

} // namespace mccig::server
