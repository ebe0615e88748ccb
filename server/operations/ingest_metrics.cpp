#include "operations/ingest_metrics.h"

#include <cstdio>

namespace mccig::server {
namespace {

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

} // namespace

std::string_view outcomeName(IngestOutcome outcome)
{
    switch (outcome) {
    case IngestOutcome::Accepted:
        return "accepted";
    case IngestOutcome::Duplicate:
        return "duplicate";
    case IngestOutcome::RateLimited:
        return "rate_limited";
    case IngestOutcome::InvalidJson:
        return "invalid_json";
    case IngestOutcome::ValidationFailed:
        return "validation_failed";
    case IngestOutcome::Unauthorized:
        return "unauthorized";
    case IngestOutcome::Forbidden:
        return "forbidden";
    case IngestOutcome::PayloadTooLarge:
        return "payload_too_large";
    case IngestOutcome::UnsupportedMediaType:
        return "unsupported_media_type";
    case IngestOutcome::Unavailable:
        return "unavailable";
    }
    return "unknown";
}

void IngestMetrics::record(Channel channel, IngestOutcome outcome, std::chrono::steady_clock::duration elapsed)
{
    m_requests[channelIndex(channel)][static_cast<std::size_t>(outcome)].fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    std::size_t bucket = 0;
    while (bucket < kBucketBounds.size() && seconds > kBucketBounds[bucket])
        ++bucket;
    m_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
    m_durationSumNanos.fetch_add(static_cast<std::uint64_t>(nanos < 0 ? 0 : nanos), std::memory_order_relaxed);
    m_durationCount.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t IngestMetrics::count(Channel channel, IngestOutcome outcome) const
{
    return m_requests[channelIndex(channel)][static_cast<std::size_t>(outcome)].load(std::memory_order_relaxed);
}

void IngestMetrics::recordProviderStatuses(WebhookProvider provider, std::uint64_t statuses)
{
    m_statuses[static_cast<std::size_t>(provider)].fetch_add(statuses, std::memory_order_relaxed);
}

std::uint64_t IngestMetrics::providerStatuses(WebhookProvider provider) const
{
    return m_statuses[static_cast<std::size_t>(provider)].load(std::memory_order_relaxed);
}

void IngestMetrics::appendTo(std::string& text) const
{
    text += "# HELP mccig_ingest_requests_total Ingest requests by channel and outcome.\n"
            "# TYPE mccig_ingest_requests_total counter\n";
    for (const Channel channel : kAllChannels) {
        for (std::size_t i = 0; i < kIngestOutcomeCount; ++i) {
            const auto outcome = static_cast<IngestOutcome>(i);
            text += "mccig_ingest_requests_total{channel=\"";
            text += channelName(channel);
            text += "\",outcome=\"";
            text += outcomeName(outcome);
            text += "\"} " + std::to_string(count(channel, outcome)) + "\n";
        }
    }
    text += "# HELP mccig_ingest_request_duration_seconds Time from a complete request to its answer.\n"
            "# TYPE mccig_ingest_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketBounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        text += "mccig_ingest_request_duration_seconds_bucket{le=\"" + number(kBucketBounds[i]) + "\"} "
                + std::to_string(cumulative) + "\n";
    }
    cumulative += m_buckets.back().load(std::memory_order_relaxed);
    text += "mccig_ingest_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
    const double sum = static_cast<double>(m_durationSumNanos.load(std::memory_order_relaxed)) / 1e9;
    text += "mccig_ingest_request_duration_seconds_sum " + number(sum) + "\n";
    // The count must equal the +Inf bucket, which is read in the same pass.
    text += "mccig_ingest_request_duration_seconds_count " + std::to_string(cumulative) + "\n";
    text += "# HELP mccig_webhook_statuses_total Provider status updates taken in by a webhook and not stored.\n"
            "# TYPE mccig_webhook_statuses_total counter\n";
    for (const WebhookProvider provider : {WebhookProvider::Twilio, WebhookProvider::WhatsApp}) {
        text += "mccig_webhook_statuses_total{provider=\"";
        text += webhookProviderName(provider);
        text += "\"} " + std::to_string(providerStatuses(provider)) + "\n";
    }
}

} // namespace mccig::server
