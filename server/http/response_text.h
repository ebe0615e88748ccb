#pragma once

#include "http/http_message.h"

#include <string>

namespace mccig::server {

// The bytes of `response` as an HTTP/1.1 message: status line, headers,
// Content-Length (none on a 204), `Connection: close` when the connection ends after it, and
// the body. One buffer and one write per response, where Beast's serializer
// walks a chain of buffer views that cost more than the rest of the answer.
// Without `withBody` (the answer to a HEAD), everything but the body, its
// Content-Length included (RFC 9110 §9.3.2).
std::string responseText(const HttpResponse& response, bool keepAlive, bool withBody = true);

} // namespace mccig::server
