#include "admission_writer.h"

#include "admission_store.h"

#include "mccig/core/thread_name.h"
#include "mccig/domain/channel.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace mccig::embedded {
namespace {

constexpr auto kSweepInterval = std::chrono::seconds(1);
// Small enough that a sweep never holds the write lock for long.
constexpr int kSweepBatch = 1000;
// Up to this many batches a second: well above any sustained admission rate.
constexpr int kSweepRounds = 50;
// Per-second counters are kept as long as Redis keeps its stats keys.
constexpr std::int64_t kStatsKeptSeconds = 3900;

std::int64_t microseconds(std::chrono::system_clock::time_point at)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
}

// A tenant's bucket refilled to `nowUs`: the arithmetic of token_bucket.lua.
double refilledTokens(const AdmissionStore::Bucket& stored, const RateLimitPolicy& policy, std::int64_t nowUs)
{
    if (!stored.known)
        return policy.capacity;
    const double elapsedUs = static_cast<double>(std::max<std::int64_t>(0, nowUs - stored.updatedUs));
    return std::min(policy.capacity, stored.tokens + elapsedUs / 1e6 * policy.refillPerSecond);
}

BucketSnapshot snapshotOf(double tokens, const RateLimitPolicy& policy)
{
    return BucketSnapshot{
        policy.capacity,
        static_cast<long>(std::floor(std::max(0.0, tokens))),
        std::chrono::seconds(static_cast<long>(std::ceil((policy.capacity - tokens) / policy.refillPerSecond))),
    };
}

} // namespace

// One transaction's worth of jobs and their outcomes.
class AdmissionWriter::Group {
public:
    using Outcome = std::variant<std::monostate, AdmissionDecision, BucketSnapshot>;

    Group(AdmissionStore& store, std::chrono::system_clock::time_point now)
        : m_store(store)
        , m_nowUs(microseconds(now))
    {
    }

    Result<void> apply(const Job& job)
    {
        auto outcome = std::visit([this](const auto& one) { return run(one); }, job);
        if (!outcome)
            return std::unexpected(outcome.error());
        m_outcomes.push_back(std::move(*outcome));
        return {};
    }

    Result<void> flush() { return m_store.flush(m_nowUs / 1'000'000); }
    std::vector<Outcome>& outcomes() { return m_outcomes; }

private:
    Result<Outcome> run(const Admit& job)
    {
        const auto& request = job.request;
        const auto& event = request.event;
        const auto& policy = request.rateLimit;
        auto stored = m_store.bucket(event.tenantId);
        if (!stored)
            return std::unexpected(stored.error());
        double tokens = refilledTokens(*stored, policy, m_nowUs);
        if (tokens < 1) {
            m_store.setBucket(event.tenantId, tokens, m_nowUs, policy);
            m_store.count(event.tenantId, "rateLimited");
            AdmissionDecision decision{AdmissionVerdict::RateLimited, {}, snapshotOf(tokens, policy), {}};
            decision.bucket.remaining = 0;
            decision.retryAfter = std::chrono::milliseconds(
                static_cast<long>(std::ceil((1 - tokens) / policy.refillPerSecond * 1000)));
            return decision;
        }
        tokens -= 1;
        m_store.setBucket(event.tenantId, tokens, m_nowUs, policy);

        const auto expiresMs = nowMs() + std::chrono::milliseconds(request.idempotencyTtl).count();
        auto first = m_store.claimIdempotencyKey(event.tenantId, channelName(event.channel), event.providerMessageId,
                                                 event.id, nowMs(), expiresMs);
        if (!first)
            return std::unexpected(first.error());
        if (*first) {
            m_store.count(event.tenantId, "duplicate");
            return AdmissionDecision{AdmissionVerdict::Duplicate, std::move(**first), snapshotOf(tokens, policy), {}};
        }
        // The queued row holds the key from now on; the transaction commits it
        // with the bucket and counters, or none of them.
        if (auto queued = m_store.enqueue(event, expiresMs); !queued)
            return std::unexpected(queued.error());
        m_store.count(event.tenantId, "accepted");
        return AdmissionDecision{AdmissionVerdict::Accepted, event.id, snapshotOf(tokens, policy), {}};
    }

    Result<Outcome> run(const Rejected& job)
    {
        auto stored = m_store.bucket(job.tenantId);
        if (!stored)
            return std::unexpected(stored.error());
        m_store.count(job.tenantId, "invalid");
        return snapshotOf(refilledTokens(*stored, job.rateLimit, m_nowUs), job.rateLimit);
    }

    Result<Outcome> run(const Ping&)
    {
        if (auto touched = m_store.touchProbe(nowMs()); !touched)
            return std::unexpected(touched.error());
        return std::monostate{};
    }

    std::int64_t nowMs() const { return m_nowUs / 1000; }

    AdmissionStore& m_store;
    const std::int64_t m_nowUs;
    std::vector<Outcome> m_outcomes;
};

namespace {

// Calls one job's callback with its outcome, or with the group's error.
struct Deliver {
    const Result<void>& committed;
    std::variant<std::monostate, AdmissionDecision, BucketSnapshot>* outcome;

    template <typename Value>
    Result<Value> take() const
    {
        if (!committed)
            return std::unexpected(committed.error());
        return std::move(std::get<Value>(*outcome));
    }
};

} // namespace

AdmissionWriter::AdmissionWriter(SqliteConnection connection, const Clock& clock, QueueSignal* signal,
                                 std::size_t maxGroup)
    : m_connection(std::move(connection))
    , m_clock(clock)
    , m_signal(signal)
    , m_maxGroup(std::max<std::size_t>(1, maxGroup))
    , m_lastSweep(std::chrono::steady_clock::now())
    , m_thread([this] { run(); })
{
}

AdmissionWriter::~AdmissionWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void AdmissionWriter::admit(AdmissionRequest request, DecisionDone done)
{
    submit(Admit{std::move(request), std::move(done)});
}

void AdmissionWriter::recordRejected(std::string tenantId, RateLimitPolicy rateLimit, SnapshotDone done)
{
    submit(Rejected{std::move(tenantId), rateLimit, std::move(done)});
}

void AdmissionWriter::ping(ReadyDone done) { submit(Ping{std::move(done)}); }

AdmissionWriter::Totals AdmissionWriter::totals() const
{
    std::lock_guard lock(m_mutex);
    return m_totals;
}

void AdmissionWriter::submit(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void AdmissionWriter::run()
{
    nameThisThread("mccig-commit");
    std::deque<Job> group;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, kSweepInterval, [this] { return m_stopping || !m_pending.empty(); });
            if (m_pending.empty() && m_stopping)
                return;
            const auto taken = std::min(m_pending.size(), m_maxGroup);
            std::move(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(taken),
                      std::back_inserter(group));
            m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(taken));
        }
        if (!group.empty())
            commit(group);
        group.clear();
        sweepIfDue();
    }
}

void AdmissionWriter::commit(std::deque<Job>& jobs)
{
    Result<void> committed;
    if (!m_store) {
        auto prepared = m_connection.inTurn([&] { return AdmissionStore::prepare(m_connection); });
        if (prepared)
            m_store.emplace(std::move(*prepared));
        else
            committed = std::unexpected(prepared.error());
    }
    std::optional<Group> group;
    if (m_store) {
        group.emplace(*m_store, m_clock.now());
        committed = m_connection.transaction<void>([&]() -> Result<void> {
            for (const auto& job : jobs)
                if (auto applied = group->apply(job); !applied)
                    return applied;
            return group->flush();
        });
        if (!committed)
            m_store->discard();
        else if (m_signal)
            m_signal->notify();
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_totals.groups;
        m_totals.requests += jobs.size();
    }
    const auto admissions = std::count_if(jobs.begin(), jobs.end(),
                                          [](const Job& job) { return std::holds_alternative<Admit>(job); });
    if (committed && admissions > 0)
        m_groupSizes.record(static_cast<std::size_t>(admissions));
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const Deliver deliver{committed, committed ? &group->outcomes()[i] : nullptr};
        std::visit(
            [&](auto& job) {
                using JobType = std::decay_t<decltype(job)>;
                if constexpr (std::is_same_v<JobType, Admit>)
                    job.done(deliver.take<AdmissionDecision>());
                else if constexpr (std::is_same_v<JobType, Rejected>)
                    job.done(deliver.take<BucketSnapshot>());
                else
                    job.done(committed);
            },
            jobs[i]);
    }
}

void AdmissionWriter::sweepIfDue()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastSweep < kSweepInterval)
        return;
    m_lastSweep = now;
    const auto wallSeconds = microseconds(m_clock.now()) / 1'000'000;
    const std::string batch = " LIMIT " + std::to_string(kSweepBatch) + ")";
    const std::string expiredRecords =
        "DELETE FROM idempotency WHERE (tenant_id, channel, provider_message_id) IN "
        "(SELECT tenant_id, channel, provider_message_id FROM idempotency WHERE expires_ms <= "
        + std::to_string(wallSeconds * 1000) + batch;
    const std::string oldCounters = "DELETE FROM stats WHERE (second, tenant_id, metric) IN "
                                    "(SELECT second, tenant_id, metric FROM stats WHERE second < "
                                    + std::to_string(wallSeconds - kStatsKeptSeconds) + batch;
    // Each batch is its own short transaction, so a sweep never holds up
    // admissions for long; a full batch means more may be waiting.
    for (const auto* sql : {&expiredRecords, &oldCounters})
        for (int round = 0; round < kSweepRounds; ++round) {
            const auto swept = m_connection.transaction<std::int64_t>([&]() -> Result<std::int64_t> {
                if (auto done = m_connection.exec(*sql); !done)
                    return std::unexpected(done.error());
                return m_connection.changes();
            });
            if (!swept || *swept < kSweepBatch)
                break;
        }
}

} // namespace mccig::embedded
