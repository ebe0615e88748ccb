#include "app/tool_error.h"

namespace mccig::server {

int reportToolError(const Error& error, const ServerConfig& config, std::ostream& err)
{
    err << "mccig-server: ";
    if (isOutage(error) && !config.usesEmbeddedBackend())
        err << "cannot reach Redis at " << config.redisEndpoint.host << ':' << config.redisEndpoint.port << ": ";
    err << error.message << std::endl;
    return 1;
}

} // namespace mccig::server
