#pragma once

#include "http/http_message.h"

#include <string>

namespace mccig::server {

// The bytes of `response` as an HTTP/1.1 message: status line, headers,
// Content-Length (none on a 204), `Connection: close` when the connection ends after it, and
// the body. One buffer and one write per response, where Beast's serializer
// walks a chain of buffer views that cost more than the rest of the answer.
std::string responseText(const HttpResponse& response, bool keepAlive);

} // namespace mccig::server
