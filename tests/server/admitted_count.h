#pragma once

#include "ingest_payloads.h"
#include "test_http_client.h"

#include "mccig/core/uuid.h"
#include "mccig/ports/live_stats.h"

#include <QDebug>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace mccig::test {

// Messages the live counters show accepted, once everything the server
// answered before the call has reached them. A server adds its counts to the
// live counters some time after answering (every 200 ms, docs/redis-keys.md),
// so this waits for a barrier instead of a delay: it admits one fresh message
// of its own probe tenant and waits until that tenant's total shows it. A
// flush carries every count taken before it, and the server counted the
// test's earlier admissions before the probe's, so they are in too. The
// figures are then read once more: a reading lists the tenants first and reads
// their totals after, so the reading that saw the probe may have listed the
// tenants before that flush named a tenant new to it. The server must accept
// `kProbeApiKey` for `kProbeTenant`.
class AdmittedCount final {
public:
    static constexpr const char* kProbeTenant = "count-probe";
    static constexpr const char* kProbeApiKey = "key-count-probe";
    static constexpr std::chrono::seconds kTimeout{10};

    AdmittedCount(LiveStats& live, std::function<int()> serverPort)
        : m_live(live), m_serverPort(std::move(serverPort))
    {
    }

    // The accepted messages of every tenant but the probe, or -1 (with a
    // warning saying why) when the probe's count did not appear in time.
    long long operator()()
    {
        const auto probe = postJson(m_serverPort(), "/v1/ingest/sms", kProbeApiKey, smsPayload("probe-" + newUuidV7()));
        if (!probe || probe->status != 202) {
            qWarning() << "AdmittedCount: the probe admission was not accepted";
            return -1;
        }
        ++m_probesAccepted;
        const auto deadline = std::chrono::steady_clock::now() + kTimeout;
        do {
            if (totalOnceProbeShown() >= 0)
                return totalOnceProbeShown();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } while (std::chrono::steady_clock::now() < deadline);
        qWarning() << "AdmittedCount: the live counters did not show the probe admission within" << kTimeout.count()
                   << "s";
        return -1;
    }

private:
    // The total without the probe, or -1 while the probe's count is missing.
    long long totalOnceProbeShown()
    {
        const auto tenants = m_live.tenants({}, [](const std::string&) { return RateLimitPolicy{}; });
        if (!tenants)
            return -1;
        long long total = 0;
        bool probeShown = false;
        for (const auto& tenant : *tenants) {
            if (tenant.tenantId == kProbeTenant)
                probeShown = tenant.accepted >= m_probesAccepted;
            else
                total += tenant.accepted;
        }
        return probeShown ? total : -1;
    }

    LiveStats& m_live;
    std::function<int()> m_serverPort;
    long long m_probesAccepted = 0;
};

} // namespace mccig::test
