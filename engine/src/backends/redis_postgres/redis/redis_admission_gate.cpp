#include "mccig/redis/redis_admission_gate.h"

#include "admission_scripts.h"

#include "mccig/redis/event_stream.h"
#include "mccig/redis/redis_async_connection.h"
#include "redis_keys.h"

#include <array>
#include <charconv>

namespace mccig {
namespace {

// A decimal rendering in a stack buffer, for script arguments.
class NumberText {
public:
    explicit NumberText(double value) { m_end = std::to_chars(m_buffer.data(), m_buffer.data() + m_buffer.size(), value).ptr; }
    explicit NumberText(long long value) { m_end = std::to_chars(m_buffer.data(), m_buffer.data() + m_buffer.size(), value).ptr; }
    std::string_view view() const { return {m_buffer.data(), static_cast<size_t>(m_end - m_buffer.data())}; }

private:
    std::array<char, 32> m_buffer{};
    char* m_end = nullptr;
};

Error unexpectedAnswer(std::string_view script)
{
    return Error{ErrorKind::Internal, "redis: unexpected answer from the " + std::string(script) + " script"};
}

// A script error is a fault of ours, not of the request: Internal. Outages pass through.
Error scriptFailure(Error error)
{
    if (error.kind == ErrorKind::Rejected)
        error.kind = ErrorKind::Internal;
    return error;
}

BucketSnapshot snapshot(double capacity, long long remaining, long long secondsUntilFull)
{
    return BucketSnapshot{capacity, static_cast<long>(remaining), std::chrono::seconds(secondsUntilFull)};
}

bool isIntegerArray(const RedisReply& reply, size_t from, size_t size)
{
    if (!reply.isArray() || reply.elements.size() != size)
        return false;
    for (size_t i = from; i < size; ++i) {
        if (!reply.elements[i].isInteger())
            return false;
    }
    return true;
}

Result<AdmissionDecision> parseAdmitReply(const RedisReply& reply, double capacity)
{
    if (!isIntegerArray(reply, 2, 5) || !reply.elements[0].isString() || !reply.elements[1].isString())
        return std::unexpected(unexpectedAnswer("admit"));
    AdmissionDecision decision;
    const std::string& verdict = reply.elements[0].text;
    if (verdict == "accepted")
        decision.verdict = AdmissionVerdict::Accepted;
    else if (verdict == "duplicate")
        decision.verdict = AdmissionVerdict::Duplicate;
    else if (verdict == "rate_limited")
        decision.verdict = AdmissionVerdict::RateLimited;
    else
        return std::unexpected(unexpectedAnswer("admit"));
    decision.eventId = reply.elements[1].text;
    decision.bucket = snapshot(capacity, reply.elements[2].integer, reply.elements[3].integer);
    decision.retryAfter = std::chrono::milliseconds(reply.elements[4].integer);
    return decision;
}

} // namespace

RedisAdmissionGate::RedisAdmissionGate(boost::asio::io_context& io, RedisEndpoint endpoint,
                                       std::chrono::milliseconds backendTimeout)
    : m_connection(RedisAsyncConnection::create(io, std::move(endpoint), backendTimeout)),
      m_admitScript(std::string(kAdmitScriptSource)),
      m_recordRejectedScript(std::string(kRecordRejectedScriptSource))
{
}

RedisAdmissionGate::~RedisAdmissionGate() = default;

void RedisAdmissionGate::admit(const AdmissionRequest& request, DecisionCallback done)
{
    const ConversationEvent& event = request.event;
    const std::string_view channel = channelName(event.channel);
    m_bucketKey.assign(kBucketPrefix).append(event.tenantId);
    m_idempotencyKey.assign(kIdempotencyPrefix).append(event.tenantId).append(":").append(channel).append(":").append(
        event.providerMessageId);
    m_tenantKey.assign(kTenantTotalsPrefix).append(event.tenantId);
    const std::array<std::string_view, 5> keys{m_bucketKey, m_idempotencyKey, kEventStreamKey, m_tenantKey,
                                               kTenantsKey};

    const double capacity = request.rateLimit.capacity;
    const NumberText capacityText(capacity);
    const NumberText rateText(request.rateLimit.refillPerSecond);
    const NumberText ttlText(static_cast<long long>(request.idempotencyTtl.count()));
    const std::string json = toJsonText(event);
    const std::array<std::string_view, 6> args{event.tenantId, capacityText.view(), rateText.view(),
                                               ttlText.view(), event.id, json};

    m_connection->evaluate(m_admitScript, keys, args, [done = std::move(done), capacity](Result<RedisReply> reply) {
        if (!reply)
            done(std::unexpected(scriptFailure(std::move(reply.error()))));
        else
            done(parseAdmitReply(*reply, capacity));
    });
}

void RedisAdmissionGate::recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit,
                                        SnapshotCallback done)
{
    m_bucketKey.assign(kBucketPrefix).append(tenantId);
    m_tenantKey.assign(kTenantTotalsPrefix).append(tenantId);
    const std::array<std::string_view, 3> keys{m_bucketKey, m_tenantKey, kTenantsKey};
    const double capacity = rateLimit.capacity;
    const NumberText capacityText(capacity);
    const NumberText rateText(rateLimit.refillPerSecond);
    const std::array<std::string_view, 3> args{tenantId, capacityText.view(), rateText.view()};

    m_connection->evaluate(m_recordRejectedScript, keys, args,
                           [done = std::move(done), capacity](Result<RedisReply> reply) {
                               if (!reply)
                                   done(std::unexpected(scriptFailure(std::move(reply.error()))));
                               else if (!isIntegerArray(*reply, 0, 2))
                                   done(std::unexpected(unexpectedAnswer("record_rejected")));
                               else
                                   done(snapshot(capacity, reply->elements[0].integer, reply->elements[1].integer));
                           });
}

} // namespace mccig
