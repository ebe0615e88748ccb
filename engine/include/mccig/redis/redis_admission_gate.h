#pragma once

#include "mccig/ports/admission_gate.h"
#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_url.h"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace mccig {

class RedisAsyncConnection;

// The AdmissionGate on Redis: each admit() is one EVALSHA of
// scripts/admit.lua, which refills and takes from the tenant's bucket, checks
// the idempotency key, XADDs the event to mccig:events and counts the outcome,
// atomically (docs/redis-keys.md). recordRejected() runs
// scripts/record_rejected.lua.
//
// Owns one RedisAsyncConnection on `io`; requests are pipelined on it.
// Failures: Redis down → ErrorKind::Unavailable at once; Redis not answering
// → ErrorKind::Timeout after backendTimeout; an unexpected script answer →
// ErrorKind::Internal. It reconnects by itself.
//
// Threading: construct anywhere; call and destroy on the io_context's thread
// (or after the io_context stopped). Callbacks run on that thread, never
// inside the call. Callbacks still pending at destruction are dropped.
class RedisAdmissionGate final : public AdmissionGate {
public:
    RedisAdmissionGate(boost::asio::io_context& io, RedisEndpoint endpoint, std::chrono::milliseconds backendTimeout);
    ~RedisAdmissionGate() override;
    RedisAdmissionGate(const RedisAdmissionGate&) = delete;
    RedisAdmissionGate& operator=(const RedisAdmissionGate&) = delete;

    void admit(const AdmissionRequest& request, DecisionCallback done) override;
    void recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit, SnapshotCallback done) override;

private:
    std::shared_ptr<RedisAsyncConnection> m_connection;
    RedisScript m_admitScript;
    RedisScript m_recordRejectedScript;
    // Reused for every request, so building keys allocates nothing once warm.
    std::string m_bucketKey;
    std::string m_idempotencyKey;
    std::string m_tenantKey;
};

} // namespace mccig
