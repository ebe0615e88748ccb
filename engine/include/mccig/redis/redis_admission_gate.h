#pragma once

#include "mccig/ports/admission_batch_sizes.h"
#include "mccig/ports/admission_gate.h"
#include "mccig/redis/redis_clock_offset.h"
#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_url.h"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace mccig {

class AdmissionCounters;
class RedisAsyncConnection;

// The AdmissionGate on Redis. Each admission refills and takes from the
// tenant's bucket, checks the idempotency key and XADDs the event to
// mccig:events, atomically (scripts/admission.lua, docs/redis-keys.md); its
// outcome is counted in `counters`, which reach Redis a moment later, and the
// size of each call in `batchSizes`.
// recordRejected() runs scripts/record_rejected.lua.
//
// Batching (docs/decisions/0015-batched-admission.md): the admissions that
// arrive while a call is in flight wait for its reply and then go together,
// up to `batchMax`, as one EVALSHA of scripts/admit_batch.lua, which admits
// them in order. With no call in flight, what arrived goes at the end of the
// current turn of the I/O loop (a lone admission as scripts/admit.lua):
// nothing ever waits to fill a batch. batchMax 1 turns batching off: every
// admission is its own call, pipelined. A failed call fails every admission
// in it. An admission may wait for the call ahead of it, then for its own
// call's timeout (a Redis that stops answering fails both at the first).
//
// Each call carries a deadline (in Redis's clock, RedisClockOffset) a little
// before the moment the gate stops waiting for it: its own backendTimeout, or
// an earlier call's still in flight, whose timeout fails it too. A call that
// Redis runs after its deadline, because Redis was frozen or far behind,
// admits nothing, so a 503 for a call that timed out leaves no record and the
// client's retry can be accepted.
//
// Owns one RedisAsyncConnection on `io`; calls are pipelined on it.
// Failures: Redis down → ErrorKind::Unavailable at once; Redis not answering
// → ErrorKind::Timeout after backendTimeout; an unexpected script answer →
// ErrorKind::Internal. It reconnects by itself.
//
// Threading: construct anywhere; call and destroy on the io_context's thread
// (or after the io_context stopped). Callbacks run on that thread, never
// inside the call. Callbacks still pending at destruction are dropped.
class RedisAdmissionGate final : public AdmissionGate {
public:
    static constexpr std::size_t kDefaultBatchMax = 32;

    RedisAdmissionGate(boost::asio::io_context& io, RedisEndpoint endpoint, std::chrono::milliseconds backendTimeout,
                       std::shared_ptr<AdmissionCounters> counters, std::shared_ptr<AdmissionBatchTally> batchSizes,
                       std::size_t batchMax = kDefaultBatchMax);
    ~RedisAdmissionGate() override;
    RedisAdmissionGate(const RedisAdmissionGate&) = delete;
    RedisAdmissionGate& operator=(const RedisAdmissionGate&) = delete;

    void admit(const AdmissionRequest& request, DecisionCallback done) override;
    void recordRejected(const std::string& tenantId, const RateLimitPolicy& rateLimit, SnapshotCallback done) override;

private:
    // One admission waiting for its call: its keys and arguments as text.
    struct Waiting {
        std::string bucketKey;
        std::string idempotencyKey;
        std::string textIdempotencyKey;
        std::string tenant;
        std::string capacity;
        std::string refillPerSecond;
        std::string ttl;
        std::string eventId; // its 16 bytes, as the idempotency record holds it
        std::string json;
        double capacityValue = 0;
        DecisionCallback done;
    };

    void sendWaiting();
    void sendOne(Waiting admission);
    void sendBatch(std::vector<Waiting> batch);
    // The deadline, in Redis's clock, of a call sent now.
    long long callDeadline() const;
    void onCallAnswered(RedisClockOffset::Clock::time_point sent, const Result<RedisReply>& reply);

    boost::asio::io_context& m_io;
    std::shared_ptr<RedisAsyncConnection> m_connection;
    std::shared_ptr<AdmissionCounters> m_counters;
    std::shared_ptr<AdmissionBatchTally> m_batchSizes;
    RedisScript m_admitScript;
    RedisScript m_admitBatchScript;
    RedisScript m_recordRejectedScript;
    std::size_t m_batchMax;
    std::chrono::milliseconds m_backendTimeout;
    // How long before the gate stops waiting a call's deadline falls: the
    // answer's way back and the clock estimate's error.
    std::chrono::microseconds m_deadlineMargin;
    RedisClockOffset m_redisClock;
    std::vector<Waiting> m_waiting;  // in arrival order
    int m_callsInFlight = 0;
    bool m_sendPosted = false;
    // Posted work and replies hold a weak_ptr to this: a gate destroyed
    // before they run is left alone.
    std::shared_ptr<int> m_lifetime = std::make_shared<int>(0);
    // Reused by recordRejected(), so building keys allocates nothing once warm.
    std::string m_bucketKey;
};

} // namespace mccig
