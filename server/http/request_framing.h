#pragma once

#include "http/http_message.h"

#include <optional>

namespace mccig::server {

// RFC 9112 §6 framing rules that a parser alone does not enforce, checked on
// a request's header before anything else looks at it. A request whose
// framing a proxy in front of us could read differently (request smuggling)
// or that carries a body where none belongs is answered 400 and the
// connection closed (the response has closeConnection set):
// - Transfer-Encoding other than exactly "chunked" (we implement no other
//   coding, and a list not ending in chunked is framed by the connection's end);
// - Transfer-Encoding together with Content-Length;
// - a repeated Host, Authorization, Content-Type or X-Api-Key, or a repeated
//   Content-Length with different values (proxies differ on which one wins);
// - a body on GET, HEAD or DELETE.
// Pure function of the header: safe from any thread.
std::optional<HttpResponse> framingRefusal(const HttpRequest& head);

} // namespace mccig::server
