#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mccig::server {

// Transport-neutral HTTP messages: routes and handlers see these, never Beast
// types, so only the connection code pays Beast's compile time and handlers
// can be tested without a socket.
struct HttpRequest {
    std::string method;                                       // "GET", "POST", ...
    std::string target;                                       // path and query, as sent
    std::vector<std::pair<std::string, std::string>> headers; // names lowercased
    std::string body;
    // Who the route's head check authenticated (for ingest: the tenant id),
    // handed on to its handler so the key is checked only once.
    std::string principal;
    // X-Request-Id of this request (the client's when valid, else made up):
    // echoed in the answer and named in every log line about the request.
    std::string requestId;

    // The first value of a header (name in lowercase), or empty.
    std::string_view header(std::string_view lowercaseName) const;
    std::string_view path() const;
    std::string_view query() const;
};

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool closeConnection = false;

    void setHeader(std::string name, std::string value);
};

// Every response of the API is JSON (API.md §3).
HttpResponse jsonResponse(int status, const nlohmann::json& body);
HttpResponse errorResponse(int status, std::string_view errorCode);

// Handlers answer exactly once, possibly later and from any thread (a blocking
// pool, say): the connection hands the response back to its own I/O thread.
using Respond = std::function<void(HttpResponse)>;

} // namespace mccig::server
