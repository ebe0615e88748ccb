#pragma once

#include "mccig/domain/channel.h"
#include "mccig/domain/webhook_provider.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mccig::server {

// How an ingest request ended; the `outcome` label of mccig_ingest_requests_total.
enum class IngestOutcome {
    Accepted,
    Duplicate,
    RateLimited,
    InvalidJson,
    ValidationFailed,
    Unauthorized,
    Forbidden,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unavailable,
};

inline constexpr std::size_t kIngestOutcomeCount = 10;

std::string_view outcomeName(IngestOutcome outcome);

// Counters and the latency histogram of the ingest routes. record() is on the
// hot path of every I/O thread: relaxed atomics only, no locks. appendTo()
// writes the Prometheus text exposition; a scrape may see a request counted
// but its latency not yet observed, which Prometheus tolerates.
class IngestMetrics {
public:
    static constexpr std::array<double, 12> kBucketBounds{0.0005, 0.001, 0.0025, 0.005, 0.01,  0.025,
                                                          0.05,   0.1,   0.25,   0.5,   1.0,   2.5};

    void record(Channel channel, IngestOutcome outcome, std::chrono::steady_clock::duration elapsed);

    std::uint64_t count(Channel channel, IngestOutcome outcome) const;

    // Provider status updates a webhook took in without storing them
    // (WhatsApp delivery and read receipts, Twilio calls still in progress):
    // mccig_webhook_statuses_total{provider}.
    void recordProviderStatuses(WebhookProvider provider, std::uint64_t statuses);
    std::uint64_t providerStatuses(WebhookProvider provider) const;

    void appendTo(std::string& text) const;

private:
    static std::size_t channelIndex(Channel channel) { return static_cast<std::size_t>(channel); }

    std::array<std::array<std::atomic<std::uint64_t>, kIngestOutcomeCount>, 3> m_requests{};
    std::array<std::atomic<std::uint64_t>, kBucketBounds.size() + 1> m_buckets{}; // last: +Inf
    std::atomic<std::uint64_t> m_durationSumNanos{0};
    std::atomic<std::uint64_t> m_durationCount{0};
    std::array<std::atomic<std::uint64_t>, kAllWebhookProviders.size()> m_statuses{};
};

} // namespace mccig::server
