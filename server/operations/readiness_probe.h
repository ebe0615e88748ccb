#pragma once

#include "blocking_pool.h"
#include "http/http_message.h"
#include "mccig/ports/backend.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace mccig::server {

// What a process must be able to do to be ready (docs/operations.md).
struct ReadinessNeeds {
    bool admit = true; // it serves ingest: the parts that admit must answer
    bool store = true; // it runs the worker: the parts that store must answer
};

// Answers GET /readyz cheaply however often it is asked: a result younger
// than `maxAge` is answered at once, and at most one probe of the backend is
// in flight; requests that arrive meanwhile wait for it. The probe runs on a
// thread of its own, so probes never take a thread from the admin API.
// 200 {"status":"ready"} when every part the role needs answers, else 503
// {"status":"unready"}; both with {"checks":{part: "ok" | "down: why"}} for
// every part, needed or not.
//
// answer() may be called from any I/O thread. Destroy only after the I/O
// threads have stopped; its own thread is joined first.
class ReadinessProbe {
public:
    ReadinessProbe(Backend& backend, ReadinessNeeds needs, std::chrono::milliseconds maxAge);

    void answer(Respond respond);

private:
    void probe();
    void finish(const HttpResponse& response);

    const ReadinessNeeds m_needs;
    const std::chrono::milliseconds m_maxAge;
    const std::unique_ptr<HealthProbe> m_probe; // used only on m_pool's thread
    std::mutex m_mutex;                         // guards the four members below
    std::optional<HttpResponse> m_last;
    std::chrono::steady_clock::time_point m_lastAt;
    bool m_probing = false;
    std::vector<Respond> m_waiting;
    BlockingPool m_pool{1, 1}; // declared last: its thread is joined before the rest goes
};

} // namespace mccig::server
