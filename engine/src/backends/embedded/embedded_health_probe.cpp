#include "embedded_health_probe.h"

#include <future>
#include <memory>

namespace mccig::embedded {

EmbeddedHealthProbe::EmbeddedHealthProbe(AdmissionWriter* writer, std::chrono::milliseconds timeout)
    : m_writer(writer)
    , m_timeout(timeout)
{
}

std::vector<ComponentHealth> EmbeddedHealthProbe::check() { return {{"embedded", true, true, pingWriter()}}; }

Result<void> EmbeddedHealthProbe::pingWriter()
{
    if (m_writer == nullptr)
        return failure(ErrorKind::Unavailable, "the data dir is open for management only");
    // Shared: a writer that answers after the timeout must find the promise alive.
    auto answer = std::make_shared<std::promise<Result<void>>>();
    auto answered = answer->get_future();
    m_writer->ping([answer](Result<void> outcome) { answer->set_value(std::move(outcome)); });
    if (answered.wait_for(m_timeout) != std::future_status::ready)
        return failure(ErrorKind::Timeout, "the embedded store's writer did not answer within "
                                               + std::to_string(m_timeout.count()) + " ms");
    return answered.get();
}

} // namespace mccig::embedded
