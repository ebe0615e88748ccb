#pragma once

#include "admission_writer.h"

#include "mccig/ports/admission_gate.h"

#include <boost/asio/io_context.hpp>

namespace mccig::embedded {

// The AdmissionGate of one I/O thread on the embedded backend. It hands each
// request to the process's one AdmissionWriter and posts the answer back to
// the I/O thread's context once the writer's group has committed, so the I/O thread never
// waits on SQLite. The writer must outlive the gate.
class EmbeddedAdmissionGate final : public AdmissionGate {
public:
    EmbeddedAdmissionGate(AdmissionWriter& writer, boost::asio::io_context& io);

    void admit(const AdmissionRequest& request, DecisionCallback done) override;
    void recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit,
                        SnapshotCallback done) override;

private:
    AdmissionWriter& m_writer;
    boost::asio::io_context::executor_type m_executor;
};

} // namespace mccig::embedded
