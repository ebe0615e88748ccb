#include "ingest/ingest_routes.h"

#include "ingest/ingest_endpoint.h"

#include <memory>
#include <string>

namespace mccig::server {

void registerIngestRoutes(Router& router, const IngestContext& context)
{
    for (const Channel channel : kAllChannels) {
        const auto endpoint = std::make_shared<IngestEndpoint>(channel, context);
        const std::string name(channelName(channel));
        for (const std::string prefix : {"/v1/ingest/", "/ingest/"}) {
            router.addWithDeferredCheck(
                "POST", prefix + name,
                [endpoint](HttpRequest&& request, const RouteParams&, Respond respond) {
                    endpoint->handle(std::move(request), std::move(respond));
                },
                [endpoint](HttpRequest& head, const RouteParams&, Respond respond) {
                    return endpoint->checkHead(head, respond);
                });
        }
    }
}

} // namespace mccig::server
