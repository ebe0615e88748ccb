#include "http/pool_answer.h"

#include "log/json_log.h"

#include <exception>
#include <memory>
#include <utility>

namespace mccig::server {

void answerOnPool(BlockingPool& pool, Respond respond, std::function<HttpResponse()> work)
{
    auto answer = std::make_shared<Respond>(std::move(respond));
    const bool queued = pool.submit([answer, work = std::move(work)] {
        HttpResponse response;
        try {
            response = work();
        } catch (const std::exception& error) {
            logError("a request failed on the blocking pool", {{"error", error.what()}});
            response = errorResponse(500, "internal");
        }
        (*answer)(std::move(response));
    });
    if (!queued)
        (*answer)(errorResponse(503, "unavailable"));
}

} // namespace mccig::server
