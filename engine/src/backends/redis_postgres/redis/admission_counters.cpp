#include "mccig/redis/admission_counters.h"

#include "admission_scripts.h"

#include "mccig/redis/redis_script.h"
#include "mccig/redis/redis_sync_connection.h"

namespace mccig {

struct AdmissionCounters::Connection {
    RedisSyncConnection redis;
    RedisScript script{std::string(kFlushCountersScriptSource)};
};

AdmissionCounters::AdmissionCounters(RedisEndpoint endpoint, std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds interval)
    : m_connection(std::make_unique<Connection>(Connection{RedisSyncConnection(std::move(endpoint), timeout)})),
      m_interval(interval), m_flusher([this](std::stop_token stop) { runFlusher(stop); })
{
}

AdmissionCounters::~AdmissionCounters()
{
    m_flusher.request_stop(); // wakes it: its wait watches the stop token
    m_flusher.join();
    flush(); // a failure here has nobody left to tell: those counts are lost
}

void AdmissionCounters::count(long long redisSecond, const std::string& tenant, AdmissionOutcome outcome)
{
    const std::scoped_lock lock(m_mutex);
    auto& tenants = m_counts[redisSecond];
    auto found = tenants.find(tenant);
    if (found == tenants.end())
        found = tenants.emplace(tenant, Tally{}).first;
    ++found->second[static_cast<std::size_t>(outcome)];
}

Result<void> AdmissionCounters::flush()
{
    const std::scoped_lock flushing(m_flushMutex);
    Counts taken;
    {
        const std::scoped_lock lock(m_mutex);
        taken.swap(m_counts);
    }
    if (taken.empty())
        return {};
    std::vector<std::string> args;
    for (const auto& [second, tenants] : taken) {
        for (const auto& [tenant, tally] : tenants) {
            args.push_back(std::to_string(second));
            args.push_back(tenant);
            for (const long long n : tally)
                args.push_back(std::to_string(n));
        }
    }
    auto sent = m_connection->script.evaluate(m_connection->redis, {}, args);
    if (sent)
        return {};
    // Kept for the next flush. The call may have run all the same (a timeout):
    // then these counts are added twice, never lost while the process lives.
    const std::scoped_lock lock(m_mutex);
    for (const auto& [second, tenants] : taken) {
        for (const auto& [tenant, tally] : tenants) {
            Tally& kept = m_counts[second][tenant];
            for (std::size_t i = 0; i < kept.size(); ++i)
                kept[i] += tally[i];
        }
    }
    return std::unexpected(std::move(sent.error()));
}

void AdmissionCounters::runFlusher(std::stop_token stop)
{
    std::mutex sleeping;
    std::unique_lock lock(sleeping);
    while (!stop.stop_requested()) {
        m_wake.wait_for(lock, stop, m_interval, [] { return false; });
        if (!stop.stop_requested())
            flush();
    }
}

} // namespace mccig
