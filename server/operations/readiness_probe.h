#pragma once

#include "blocking_pool.h"
#include "http/http_message.h"
#include "mccig/ports/admission_gate.h"
#include "operations/database_probe.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mccig::server {

// Answers GET /readyz cheaply however often it is asked: a result younger
// than `maxAge` is answered at once, and at most one probe of the backends is
// in flight; requests that arrive meanwhile wait for it. The Redis half runs
// on the asking I/O thread's gate (async); the database half on a pool of
// its own, one thread, so probes never take a thread from the admin API.
//
// answer() may be called from any I/O thread. Destroy only after the I/O
// threads have stopped; its own thread is joined first.
class ReadinessProbe {
public:
    ReadinessProbe(std::function<AdmissionGate&()> currentGate, std::string databaseUrl,
                   std::chrono::milliseconds timeout, std::chrono::milliseconds maxAge);

    void answer(Respond respond);

private:
    void startProbe();
    void finish(const HttpResponse& response);

    std::function<AdmissionGate&()> m_currentGate;
    const std::chrono::milliseconds m_maxAge;
    DatabaseProbe m_database; // used only on m_pool's thread
    std::mutex m_mutex;       // guards the four members below
    std::optional<HttpResponse> m_last;
    std::chrono::steady_clock::time_point m_lastAt;
    bool m_probing = false;
    std::vector<Respond> m_waiting;
    BlockingPool m_pool{1, 1}; // declared last: its thread is joined before the rest goes
};

} // namespace mccig::server
