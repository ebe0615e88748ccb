#pragma once

#include "blocking_pool.h"
#include "http/http_message.h"

#include <functional>

namespace mccig::server {

// Runs `work` on the blocking pool and answers with what it returns: 503 at
// once when the pool is full, 500 when `work` throws (logged; the pool thread
// goes on). Either way the client gets exactly one answer.
void answerOnPool(BlockingPool& pool, Respond respond, std::function<HttpResponse()> work);

} // namespace mccig::server
