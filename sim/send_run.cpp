#include "send_run.h"

#include "ingest_request.h"
#include "mccig/core/uuid.h"
#include "outcome_log.h"
#include "payload_generator.h"
#include "progress_line.h"
#include "sender_pool.h"

#include <algorithm>
#include <cmath>
#include <latch>
#include <random>
#include <thread>

namespace mccig::sim {
namespace {

std::uint64_t randomSeed()
{
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
}

std::size_t slotsFor(double rate, double seconds)
{
    return static_cast<std::size_t>(std::llround(rate * seconds));
}

// Enough connections that one slow answer does not hold the pace back.
int sendersFor(double rate)
{
    return std::clamp(static_cast<int>(rate / 50.0) + 2, 2, 16);
}

} // namespace

SendRun::SendRun(const SimOptions& options)
    : m_options(options)
    , m_runId(newUuidV7().substr(24)) // the random tail: unique per run
    , m_seed(options.seed.value_or(randomSeed()))
{
}

Manifest SendRun::run()
{
    Manifest manifest;
    manifest.runId = m_runId;
    manifest.target = m_options.target.text();
    manifest.checks = m_options.checks;
    manifest.noisyTenant = m_options.checks.contains(CheckKind::Noisy) ? m_options.noisyTenant : std::string();
    if (m_options.checks.contains(CheckKind::Replay))
        manifest.replay = sendReplayCopies();
    if (m_options.checks.contains(CheckKind::Failures))
        manifest.failures = sendForcedFailures();
    if (m_options.checks.contains(CheckKind::Noisy))
        manifest.noisy = sendNoisyNeighbour();
    manifest.traffic = sendMixedTraffic(manifest.trafficSeconds);
    return manifest;
}

std::vector<const TenantCredential*> SendRun::wellBehavedTenants() const
{
    std::vector<const TenantCredential*> tenants;
    for (const auto& credential : m_options.tenants)
        if (credential.tenant != m_options.noisyTenant || m_options.tenants.size() == 1)
            tenants.push_back(&credential);
    return tenants;
}

std::vector<SendOutcome> SendRun::sendReplayCopies()
{
    PayloadGenerator generator(m_runId + "-replay", m_seed);
    const GeneratedMessage message = generator.next(Channel::Sms);
    const auto copies = static_cast<std::size_t>(m_options.replayCopies);
    OutcomeLog log;
    ProgressLine progress("replay", log, copies);
    // Every copy waits on its own open connection until all are ready, so the
    // copies reach the server together instead of one after the other.
    std::latch ready(static_cast<std::ptrdiff_t>(copies));
    {
        std::vector<std::jthread> senders;
        for (std::size_t i = 0; i < copies; ++i) {
            senders.emplace_back([&] {
                HttpClient client(m_options.target);
                (void)client.get("/healthz", {});
                ready.arrive_and_wait();
                log.record(sendIngestRequest(client, m_options.primaryTenant(), message));
            });
        }
    }
    return log.outcomes();
}

std::vector<SendOutcome> SendRun::sendForcedFailures()
{
    PayloadGenerator generator(m_runId + "-fail", m_seed + 1);
    const auto count = static_cast<std::size_t>(m_options.failureCount);
    OutcomeLog log;
    ProgressLine progress("failures", log, count);
    HttpClient client(m_options.target);
    for (std::size_t i = 0; i < count; ++i) {
        const auto message = PayloadGenerator::withSimulatedFailure(generator.next(kAllChannels[i % 3]));
        log.record(sendIngestRequest(client, m_options.primaryTenant(), message));
    }
    return log.outcomes();
}

namespace {

// One paced stream of generated messages: slot i goes to tenants[i % n].
struct PacedStream {
    std::string name;
    std::vector<const TenantCredential*> tenants;
    double rate = 0;
    std::size_t slots = 0;
    int senders = 2;
};

void sendPacedStream(const SimOptions& options, const std::string& idPrefix, std::uint64_t seed,
                     const PacedStream& stream, OutcomeLog& log)
{
    const int senders = stream.senders;
    std::vector<PayloadGenerator> generators;
    std::vector<std::mt19937_64> channelRandoms;
    for (int i = 0; i < senders; ++i) {
        generators.emplace_back(idPrefix + '-' + stream.name + std::to_string(i), seed + 100 + i);
        channelRandoms.emplace_back(seed + 200 + i);
    }
    PacedScheduler scheduler(stream.rate, stream.slots);
    runPacedSenders(options.target, senders, scheduler, [&](std::size_t slot, int sender, HttpClient& client) {
        const auto index = static_cast<std::size_t>(sender);
        const Channel channel = options.mix.pick(channelRandoms[index]);
        const TenantCredential& tenant = *stream.tenants[slot % stream.tenants.size()];
        log.record(sendIngestRequest(client, tenant, generators[index].next(channel)));
    });
}

} // namespace

std::vector<SendOutcome> SendRun::sendNoisyNeighbour()
{
    const TenantCredential* noisy = nullptr;
    for (const auto& credential : m_options.tenants)
        if (credential.tenant == m_options.noisyTenant)
            noisy = &credential;
    const auto others = wellBehavedTenants();
    const double seconds = m_options.noisyDurationSeconds;
    const PacedStream flood{"flood", {noisy}, m_options.noisyRate, slotsFor(m_options.noisyRate, seconds),
                             sendersFor(m_options.noisyRate)};
    const double othersRate = m_options.noisyOthersRate * static_cast<double>(others.size());
    const PacedStream calm{"calm", others, othersRate,
                           std::max<std::size_t>(others.size(), slotsFor(othersRate, seconds)), sendersFor(othersRate)};

    OutcomeLog log;
    ProgressLine progress("noisy", log, flood.slots + calm.slots);
    {
        std::jthread floodThread([&] { sendPacedStream(m_options, m_runId, m_seed + 2, flood, log); });
        sendPacedStream(m_options, m_runId, m_seed + 3, calm, log);
    }
    return log.outcomes();
}

std::vector<SendOutcome> SendRun::sendMixedTraffic(double& seconds)
{
    std::vector<const TenantCredential*> tenants;
    for (const auto& credential : m_options.tenants)
        tenants.push_back(&credential);
    const PacedStream mixed{"mix", tenants, m_options.rate, slotsFor(m_options.rate, m_options.durationSeconds),
                            m_options.concurrency};
    OutcomeLog log;
    const auto started = std::chrono::steady_clock::now();
    if (mixed.slots > 0) {
        ProgressLine progress("traffic", log, mixed.slots);
        sendPacedStream(m_options, m_runId, m_seed + 4, mixed, log);
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return log.outcomes();
}

} // namespace mccig::sim
