#pragma once

#include "admission_store.h"
#include "queue_signal.h"
#include "sqlite_connection.h"

#include "mccig/core/clock.h"
#include "mccig/ports/admission_batch_sizes.h"
#include "mccig/ports/admission_gate.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace mccig::embedded {

// The embedded backend's one writer of admissions: group commit.
//
// Any thread hands it admissions; its own thread ("mccig-commit") takes every
// request that queued up while the previous transaction ran (at most
// `maxGroup`) and admits them in order inside ONE transaction: token bucket,
// idempotency key (held by the queued row: AdmissionStore), enqueue,
// counters — the same steps and arithmetic as the Redis admission script.
// Only after COMMIT returns is each request's callback called, so an
// Accepted decision is durable (it survives the process being killed). When
// the transaction fails, every request of the group gets the error and none
// of them left a trace. A lone request never waits for company: the thread
// commits as soon as it has anything.
//
// Between groups it sweeps expired idempotency records and old per-second
// counters in small bounded transactions.
//
// Callbacks run on the writer thread and must not block; the admission gate
// posts them back to the caller's I/O thread.
class AdmissionWriter {
public:
    using DecisionDone = std::function<void(Result<AdmissionDecision>)>;
    using SnapshotDone = std::function<void(Result<BucketSnapshot>)>;
    using ReadyDone = std::function<void(Result<void>)>;

    static constexpr std::size_t kDefaultMaxGroup = 2048;

    // `signal`, when given, is notified after every commit that queued a message.
    AdmissionWriter(SqliteConnection connection, const Clock& clock, QueueSignal* signal = nullptr,
                    std::size_t maxGroup = kDefaultMaxGroup);
    ~AdmissionWriter();
    AdmissionWriter(const AdmissionWriter&) = delete;
    AdmissionWriter& operator=(const AdmissionWriter&) = delete;

    void admit(AdmissionRequest request, DecisionDone done);
    // Counts a refused request of a known tenant and reads its bucket (no token taken).
    void recordRejected(std::string tenantId, RateLimitPolicy rateLimit, SnapshotDone done);
    // Answers once the writer has rewritten the probe row: it is alive, and the
    // file and its disk take writes (a full disk fails it).
    void ping(ReadyDone done);

    // Groups committed so far and the requests they held (for tests and benchmarks).
    struct Totals {
        std::size_t groups = 0;
        std::size_t requests = 0;
    };
    Totals totals() const;
    // Admissions per committed group since start (/metrics: mccig_admission_batch_size).
    AdmissionBatchSizes groupSizes() const { return m_groupSizes.totals(); }

private:
    struct Admit {
        AdmissionRequest request;
        DecisionDone done;
    };
    struct Rejected {
        std::string tenantId;
        RateLimitPolicy rateLimit;
        SnapshotDone done;
    };
    struct Ping {
        ReadyDone done;
    };
    using Job = std::variant<Admit, Rejected, Ping>;
    class Group;

    void submit(Job job);
    void run();
    void commit(std::deque<Job>& jobs);
    void sweepIfDue();

    SqliteConnection m_connection;
    std::optional<AdmissionStore> m_store; // made on the writer thread, used only there
    const Clock& m_clock;
    QueueSignal* m_signal;
    const std::size_t m_maxGroup;
    std::chrono::steady_clock::time_point m_lastSweep;

    mutable std::mutex m_mutex; // guards m_pending, m_stopping and m_totals
    std::condition_variable m_wake;
    std::deque<Job> m_pending;
    bool m_stopping = false;
    Totals m_totals;
    AdmissionBatchTally m_groupSizes;

    std::thread m_thread; // last: started once everything above exists
};

} // namespace mccig::embedded
