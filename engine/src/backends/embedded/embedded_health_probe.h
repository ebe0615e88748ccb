#pragma once

#include "admission_writer.h"

#include "mccig/ports/health_probe.h"

#include <chrono>

namespace mccig::embedded {

// Probes the embedded store through its admission writer: the probe is
// answered once the writer thread has begun and committed a transaction, so
// a stuck writer or a database that cannot be written is "down".
class EmbeddedHealthProbe final : public HealthProbe {
public:
    // `writer` is null for a data dir opened without its lock (a tool).
    EmbeddedHealthProbe(AdmissionWriter* writer, std::chrono::milliseconds timeout);

    std::vector<ComponentHealth> check() override;

private:
    Result<void> pingWriter();

    AdmissionWriter* m_writer;
    std::chrono::milliseconds m_timeout;
};

} // namespace mccig::embedded
