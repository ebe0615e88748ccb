#pragma once

#include <string_view>

namespace mccig::server {

// resources/openapi.json as it was when the server was built: the contract
// GET /openapi.json serves. The text is embedded at build time
// (server/embed_file.cmake), so the binary needs no file beside it.
std::string_view openApiDocument();

} // namespace mccig::server
