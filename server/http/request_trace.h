#pragma once

#include "http/http_message.h"

#include <chrono>
#include <string>
#include <string_view>

namespace mccig::server {

// What the log says about one request: its id (X-Request-Id), its request
// line and when it began. Filled when the header is in; finished once, when
// the answer goes out.
struct RequestTrace {
    std::string id;
    std::string method;
    std::string target;
    std::chrono::steady_clock::time_point start;
};

// The client's X-Request-Id when it is 1-128 characters of
// [A-Za-z0-9._:/+=@-] (so it is safe in logs and headers), else a new UUID.
std::string requestIdFor(std::string_view offered);

// A trace for `head`, with its id (also set on head.requestId for the route).
RequestTrace beginTrace(HttpRequest& head);

// Puts X-Request-Id on the response, and logs the request: every one as an
// "access" line when `accessLog`, and a 5xx answer always as a warning, each
// with the request id. A trace without an id (the request did not parse) gets
// one here.
void finishTrace(RequestTrace& trace, HttpResponse& response, bool accessLog);

} // namespace mccig::server
