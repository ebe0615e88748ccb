#include "embedded_admission_gate.h"

#include <boost/asio/post.hpp>

#include <memory>

namespace mccig::embedded {
namespace {

// Wraps a callback so that it runs on `executor`, with the writer's result.
template <typename Value, typename Callback>
auto onExecutor(boost::asio::io_context::executor_type executor, Callback done)
{
    return [executor, done = std::move(done)](Result<Value> result) mutable {
        boost::asio::post(executor, [done = std::move(done), result = std::move(result)]() mutable {
            done(std::move(result));
        });
    };
}

} // namespace

EmbeddedAdmissionGate::EmbeddedAdmissionGate(AdmissionWriter& writer, boost::asio::io_context& io)
    : m_writer(writer)
    , m_executor(io.get_executor())
{
}

void EmbeddedAdmissionGate::admit(const AdmissionRequest& request, DecisionCallback done)
{
    m_writer.admit(request, onExecutor<AdmissionDecision>(m_executor, std::move(done)));
}

void EmbeddedAdmissionGate::recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit,
                                           SnapshotCallback done)
{
    m_writer.recordRejected(tenantId, rateLimit, onExecutor<BucketSnapshot>(m_executor, std::move(done)));
}

} // namespace mccig::embedded
